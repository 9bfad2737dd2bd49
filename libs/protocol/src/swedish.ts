/**
 * Small pieces of Swedish grammar the protocol needs. Kept apart from the house-style
 * template because they are language rules, not a municipality's choice of words.
 */

/**
 * A name as written mid-sentence: the first letter lower-cased and nothing else, so proper
 * names inside stay ("Kommunstyrelsens arbetsutskott för Lidingö" → "kommunstyrelsens
 * arbetsutskott för Lidingö").
 */
export function midSentence(name: string): string {
  return name.length === 0 ? name : name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1);
}

/** A phrase as written at the start of a sentence: the first letter upper-cased. */
export function sentenceStart(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

/**
 * The genitive: add -s unless the word already ends in s, x or z ("kommunstyrelsekontorets",
 * "tjänsteutlåtandes", but "Robert Beronius", "Max", "Fritz").
 */
export function genitive(word: string): string {
  const trimmed = word.trimEnd();
  return /[sxz]$/i.test(trimmed) ? trimmed : `${trimmed}s`;
}

/** A member as printed in a protocol: "Robert Beronius (L)". */
export function personWithParty(name: string, party: string): string {
  return party ? `${name} (${party})` : name;
}

/**
 * The genitive of a member with party: the -s goes on the name, the party follows
 * ("Anna Anderssons (S) yrkande", "Robert Beronius (L) yrkande").
 */
export function personGenitive(name: string, party: string): string {
  return personWithParty(genitive(name), party);
}

/** "A", "A och B", "A, B och C" — Swedish lists take no comma before "och". */
export function joinList(items: readonly string[], conjunction = 'och'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 ja-röst", "11 ja-röster": the count with the singular or plural noun. */
export function countNoun(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant with a zone (`Z` or an offset) as date and time in Sweden, where the protocol is
 * read: `2024-05-28T22:30:00Z` is 2024-05-29 00:30. Null for a date or a local time without zone.
 */
function inStockholm(iso: string): { date: string; time: string } | null {
  if (!/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(iso)) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const part = (type: string) => stockholm.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** The date in Sweden of an ISO-8601 instant, or a date as it is: "2024-05-14". */
export function dateOf(iso: string): string {
  return inStockholm(iso)?.date ?? iso.slice(0, 10);
}

/**
 * The time in Sweden of an ISO-8601 instant: "09:00". A bare time ("09:00") or a local time
 * without zone is returned as written.
 */
export function timeOf(iso: string): string {
  const local = inStockholm(iso);
  if (local) return local.time;
  const match = /T?(\d{2}:\d{2})/.exec(iso.length <= 5 ? iso : iso.slice(10));
  return match ? match[1]! : iso;
}

/** End a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?:…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const months = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** A date as written in running text: "2024-10-09" → "9 oktober 2024". Anything else as it is. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOf(iso));
  if (!match) return iso;
  const month = months[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}
