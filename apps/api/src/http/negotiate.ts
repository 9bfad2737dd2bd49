/**
 * Pick the best of `offered` for an Accept header (RFC 9110 §12.5.1: q-values, then the most
 * specific range). No Accept, or `*\/*`, gives the first offered type.
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (!accept || !accept.trim()) return offered[0];
  const ranges = accept
    .split(',')
    .map((part, order) => {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((r) => r.range);
  let best: { type: string; quality: number; specificity: number; order: number } | undefined;
  for (const type of offered) {
    const [main] = type.split('/');
    for (const r of ranges) {
      const specificity = r.range === type ? 2 : r.range === `${main}/*` ? 1 : r.range === '*/*' ? 0 : -1;
      if (specificity < 0 || r.quality <= 0) continue;
      const better =
        !best ||
        r.quality > best.quality ||
        (r.quality === best.quality && specificity > best.specificity) ||
        (r.quality === best.quality && specificity === best.specificity && r.order < best.order);
      if (better) best = { type, quality: r.quality, specificity, order: r.order };
    }
  }
  return best?.type;
}

/** The document writer for a negotiated media type. */
export function formatOf(type: string): 'text' | 'markdown' | 'html' {
  return type === 'text/html' ? 'html' : type === 'text/markdown' ? 'markdown' : 'text';
}
