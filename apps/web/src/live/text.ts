/**
 * The protocol writes the frame of a beslut itself ("Kommunstyrelsen beslutar …"). A clerk who
 * types the frame too would get it twice ("Kommunstyrelsen beslutar Kommunstyrelsen beslutar
 * att …"), so the clerk's own frame is taken as given: it is removed before sending, and the
 * screen says so. Pure, for the tests.
 */
export function stripFrame(item: string, body: string): { text: string; stripped: boolean } {
  const escaped = body.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(
    `^\\s*(${escaped}|nämnden|styrelsen|fullmäktige)\\s+(beslutar|föreslår)(\\s+för\\s+egen\\s+del)?\\s*:?\\s*`,
    'i',
  );
  const m = frame.exec(item);
  if (!escaped || !m) return { text: item.trim(), stripped: false };
  return { text: item.slice(m[0].length).trim(), stripped: true };
}

/** Every line's frame removed; `stripped` if any line had one. */
export function stripFrames(items: readonly string[], body: string): { items: string[]; stripped: boolean } {
  const out = items.map((i) => stripFrame(i, body));
  return { items: out.map((o) => o.text).filter(Boolean), stripped: out.some((o) => o.stripped) };
}
