/**
 * The Liquid engine house styles are written in (docs/adr/0018). LiquidJS is sandboxed: a
 * template reads only the variables it is given (own properties only), cannot run code, cannot
 * read files (no file system is configured, so include/render/layout find nothing), and is
 * bounded in parse size, render time and memory. The filters are the Swedish grammar of
 * `swedish.ts`, so a style can say "the genitive of" without knowing the rule: genitive, mid,
 * upfirst, join_list, sentence, strip_att, strip_end_stop, long_date.
 */
import { Liquid } from 'liquidjs';
import { genitive, joinList, longDate, midSentence, sentence, sentenceStart } from '../swedish.js';

export function createStyleEngine(): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // In-memory templates only: no file system is ever read.
    templates: {},
    relativeReference: false,
    outputEscape: undefined,
    parseLimit: 20_000,
    // Generous: a guard against runaway templates, not a timing target (a loaded machine pauses).
    renderLimit: 10_000,
    memoryLimit: 1_000_000,
  });
  engine.registerFilter('genitive', (v: unknown) => genitive(String(v ?? '')));
  engine.registerFilter('mid', (v: unknown) => midSentence(String(v ?? '')));
  engine.registerFilter('upfirst', (v: unknown) => sentenceStart(String(v ?? '')));
  engine.registerFilter('join_list', (v: unknown, conjunction?: unknown) =>
    joinList(Array.isArray(v) ? v.map(String) : [String(v ?? '')], conjunction ? String(conjunction) : 'och'),
  );
  engine.registerFilter('sentence', (v: unknown) => sentence(String(v ?? '')));
  /** "att godkänna …" → "godkänna …": a clause without its leading "att". */
  engine.registerFilter('strip_att', (v: unknown) => String(v ?? '').replace(/^att\s+/i, ''));
  /** Drops trailing full stops and spaces, so a phrase can go on after the text. */
  engine.registerFilter('strip_end_stop', (v: unknown) => String(v ?? '').replace(/[.\s]+$/, ''));
  /** "2024-10-09" → "9 oktober 2024". */
  engine.registerFilter('long_date', (v: unknown) => longDate(String(v ?? '')));
  return engine;
}
