import type { Db } from '../db.js';

/** Every read-model table (rm_*) as sorted rows: two databases with equal dumps hold equal read models. */
export function dumpReadModels(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM ${t}`).safeIntegers(true).all() as Record<string, unknown>[];
    out[t] = rows
      .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)))
      .sort()
      .map((s) => JSON.parse(s));
  }
  return out;
}
