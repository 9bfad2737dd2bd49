/**
 * The house styles shipped with Paragraf: JSON files in `libs/protocol/styles/`, imported as
 * data and checked by the same validation as a style adopted through the API. `default-sv` (worded after
 * the §65 extract) is used for a body that has adopted none. The others are reproduced from real
 * protocols (test/fixtures/README.md): `sollentuna-ks` (Sollentuna KS § 52/2019), `goteborg-ks`
 * (Göteborg KS § 857, 2024) and `molndal-kf` (Mölndal KF § 75, 2024); each extends `default-sv`
 * for what its protocol does not show.
 */
import defaultSv from '../../styles/default-sv.json' with { type: 'json' };
import goteborgKs from '../../styles/goteborg-ks.json' with { type: 'json' };
import molndalKf from '../../styles/molndal-kf.json' with { type: 'json' };
import sollentunaKs from '../../styles/sollentuna-ks.json' with { type: 'json' };
import { compileHouseStyle, validateHouseStyle } from './compile.js';
import type { HouseStyleDocument } from './document.js';
import type { HouseStyle } from '../templates/house-style.js';

export const DEFAULT_STYLE_ID = 'default-sv';

/** Every shipped style file; a new one is a JSON file in `libs/protocol/styles/` and a line here. */
const files: readonly unknown[] = [defaultSv, sollentunaKs, goteborgKs, molndalKf];

function loadShipped(): ReadonlyMap<string, HouseStyleDocument> {
  const raw = new Map<string, unknown>();
  for (const doc of files) raw.set(String((doc as { id?: unknown }).id), doc);
  const valid = new Map<string, HouseStyleDocument>();
  // A shipped style may extend another shipped style; validate bases first.
  const resolve = (id: string): HouseStyleDocument | undefined => {
    const done = valid.get(id);
    if (done) return done;
    const doc = raw.get(id);
    if (!doc) return undefined;
    const style = validateHouseStyle(doc as object, resolve);
    valid.set(id, style);
    return style;
  };
  for (const id of raw.keys()) resolve(id);
  return valid;
}

export const shippedStyles: ReadonlyMap<string, HouseStyleDocument> = loadShipped();

export function shippedStyle(id: string): HouseStyleDocument | undefined {
  return shippedStyles.get(id);
}

const compiled = new Map<string, HouseStyle>();

/** A shipped style, compiled once. */
export function shippedHouseStyle(id: string = DEFAULT_STYLE_ID): HouseStyle {
  let style = compiled.get(id);
  if (!style) {
    const doc = shippedStyles.get(id);
    if (!doc) throw new Error(`No shipped house style ${id}`);
    style = compileHouseStyle(doc);
    compiled.set(id, style);
  }
  return style;
}
