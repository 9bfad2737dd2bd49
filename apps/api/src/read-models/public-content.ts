/**
 * What the public live stream may carry of a paragraph marked as containing sekretess
 * (docs/adr/0030): its heading (§ number, rubrik, dnr) and the beslut, and the marking with the
 * provision cited. Everything else of that paragraph (förslag, yrkanden, motiveringar,
 * anteckningar, reservations, votes) stays with the clerk and the auditor. Pure functions, kept
 * apart from the hub's fan-out.
 */

interface EventLike {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** What the hub remembers per meeting to filter by: the marked paragraphs and each förslag's beslut. */
export interface Confidentiality {
  /** paragraphId → the provision cited, while marked. */
  readonly marked: Map<string, string>;
  /** paragraphId → the förslag's beslut (a DecisionAdopted without content adopts it). */
  readonly proposed: Map<string, unknown>;
}

export function newConfidentiality(): Confidentiality {
  return { marked: new Map(), proposed: new Map() };
}

/** Keep track of markings (and what "as proposed" means) as events pass, in order. */
export function trackConfidentiality(c: Confidentiality, e: EventLike): void {
  const pid = e.data.paragraphId;
  if (typeof pid !== 'string') return;
  if (e.type === 'ParagraphOpened') {
    c.proposed.set(pid, (e.data.proposal as { decision?: unknown } | undefined)?.decision);
  } else if (e.type === 'ParagraphMarkedConfidential') {
    c.marked.set(pid, String(e.data.provision));
  } else if (e.type === 'ParagraphConfidentialityLifted') {
    c.marked.delete(pid);
  }
}

/** Events of a marked paragraph that go out at all (redacted by `publicData`). */
const SHOWN = new Set([
  'ParagraphOpened',
  'ParagraphRenumbered',
  'DecisionAdopted',
  'ParagraphJustified',
  'ParagraphMarkedConfidential',
  'ParagraphConfidentialityLifted',
  'EntryStruck',
]);

/**
 * The data a public viewer gets for the event: unchanged (`null` means: as stored), redacted,
 * or `undefined` when the event is not public at all.
 */
export function publicData(c: Confidentiality, e: EventLike): Record<string, unknown> | null | undefined {
  const pid = e.data.paragraphId;
  // The marking itself is public with its provision; its reason is not.
  if (e.type === 'ParagraphMarkedConfidential') {
    return { paragraphId: pid, provision: e.data.provision, at: e.data.at };
  }
  if (e.type === 'ParagraphConfidentialityLifted') return { paragraphId: pid, at: e.data.at };
  if (typeof pid !== 'string' || !c.marked.has(pid)) return null;
  if (!SHOWN.has(e.type)) return undefined;
  const d = e.data;
  switch (e.type) {
    case 'ParagraphOpened':
      return {
        paragraphId: pid,
        meetingId: d.meetingId,
        body: d.body,
        year: d.year,
        number: d.number,
        caseNumber: d.caseNumber,
        title: d.title,
        confidential: { provision: c.marked.get(pid) },
      };
    case 'DecisionAdopted':
      return {
        paragraphId: pid,
        decisionId: d.decisionId,
        kind: d.kind,
        ...(d.kind === 'sakbeslut' ? { content: d.content ?? c.proposed.get(pid) } : {}),
        ...(d.content && d.kind !== 'sakbeslut' ? { content: d.content } : {}),
        ...(d.motivation ? { motivation: d.motivation } : {}),
      };
    default:
      return null;
  }
}
