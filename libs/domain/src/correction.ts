/**
 * A rättelse (correction of an obvious error after justering) as every reader applies it: the
 * first occurrence of `from` in the field's text becomes `to`. `from` may be a part of the text
 * ("2023" in a title) or all of it. The protocol view (libs/protocol) and the register
 * (libs/projections) both apply corrections through this one function, so they cannot differ.
 */
export interface TextCorrection {
  readonly from: string;
  readonly to: string;
}

/** The corrected text, and whether `from` was found in it (an empty `from` matches nothing). */
export function correctText(
  text: string,
  c: TextCorrection,
): { readonly text: string; readonly applied: boolean } {
  const at = c.from === '' ? -1 : text.indexOf(c.from);
  if (at < 0) return { text, applied: false };
  // Spliced, not String.replace: a `$&` or `$1` in the new text is text, not a pattern.
  return { text: text.slice(0, at) + c.to + text.slice(at + c.from.length), applied: true };
}
