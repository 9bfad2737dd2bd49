import { Verifier, ChainTracker, type StoredEvent } from '@app/event-store';
import { generateHistory, rng } from '../libs/projections/src/testing/history.js';
const events: StoredEvent[] = [];
let pos = 0n;
const revs = new Map<string, bigint>();
for (const a of generateHistory(rng(1), { bodies: 8, meetingsPerBody: 11, maxParagraphs: 16, startYear: 2000 })) {
  for (const e of a.events) {
    const r = revs.get(a.stream) ?? 0n;
    revs.set(a.stream, r + 1n);
    pos++;
    events.push({ id: e.id, type: e.type, data: JSON.parse(JSON.stringify(e.data)), metadata: JSON.parse(JSON.stringify(e.metadata)), streamId: a.stream, revision: r, position: { commit: pos, prepare: pos }, created: new Date() });
  }
}
void ChainTracker;
for (let k = 0; k < 3; k++) {
  const v = new Verifier();
  const t = performance.now();
  for (const e of events) v.feed(e);
  const r = v.result();
  console.log(events.length, 'events', ((performance.now() - t) * 1000 / events.length).toFixed(2), 'us/event', r.ok);
}
