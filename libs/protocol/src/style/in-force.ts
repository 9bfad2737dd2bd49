/**
 * Which version of a body's house style words a document. A justified protocol keeps the
 * wording it was justified in: the version in force is the last one adopted at or before the
 * justering. Until then the latest version applies, so a clerk sees a newly adopted style at
 * once. With no adopted version, the shipped default applies (version 0). See docs/adr/0018.
 */
import type { HouseStyle } from '../templates/house-style.js';
import type { MeetingView, ParagraphView } from '../views.js';
import { compileHouseStyle } from './compile.js';
import type { HouseStyleDocument } from './document.js';
import { shippedHouseStyle } from './shipped.js';

export interface AdoptedStyle {
  readonly bodyId: string;
  readonly version: number;
  readonly adoptedAt: string;
  readonly style: HouseStyleDocument;
}

/** `justifiedAt`: the instant of the justering that fixes the document, or null. */
export function styleInForce(
  versions: readonly AdoptedStyle[],
  justifiedAt: string | null,
): AdoptedStyle | null {
  if (justifiedAt === null) return versions[versions.length - 1] ?? null;
  const fixedAt = Date.parse(justifiedAt);
  let inForce: AdoptedStyle | null = null;
  for (const v of versions) if (Date.parse(v.adoptedAt) <= fixedAt) inForce = v;
  return inForce;
}

/** Compiled styles by body and version: a version never changes once adopted. */
const compiled = new Map<string, HouseStyle>();
const COMPILED_LIMIT = 500;

/** The compiled style and its version for a document fixed at `justifiedAt` (or not yet fixed). */
export function documentStyle(
  versions: readonly AdoptedStyle[],
  justifiedAt: string | null,
): { style: HouseStyle; styleVersion: number } {
  const adopted = styleInForce(versions, justifiedAt);
  if (!adopted) return { style: shippedHouseStyle(), styleVersion: 0 };
  const key = `${adopted.bodyId}:${adopted.version}`;
  let style = compiled.get(key);
  if (!style) {
    style = compileHouseStyle(adopted.style);
    if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, style);
  }
  return { style, styleVersion: adopted.version };
}

/**
 * When a protocol's wording is fixed: at the first justering of anything in it, a paragraph
 * justified on its own or the protocol as a whole; null while nothing is justified.
 */
export function protocolFixedAt(meeting: MeetingView, paragraphs: readonly ParagraphView[]): string | null {
  const moments = [meeting.justified?.at, ...paragraphs.map((p) => p.justering?.at)].filter(
    (at): at is string => typeof at === 'string',
  );
  if (moments.length === 0) return null;
  return moments.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
