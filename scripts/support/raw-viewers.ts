/**
 * bench:live's viewers that are not timed, in a process of their own: they read the stream on
 * raw sockets and parse nothing. Kept out of the benchmark's process so that reading thousands
 * of sockets never delays the event loop that times the commands and the sampled deliveries
 * (real viewers are on other machines; these still share this machine's cores).
 *   raw-viewers.ts <baseUrl> <meetingId> <count> <steps>
 * Connects them in `steps` equal steps: after each it tells the parent {t:'step', refused} and
 * waits for {t:'next'} (so the parent can connect its timed viewers in between, spread over the
 * fan-out's write order); on {t:'close'} it ends them and exits.
 */
import { once } from 'node:events';
import { LoadClient, type Viewer } from './load.js';
import type { ServerProcess } from './server.js';

const [baseUrl, meetingId, count, steps] = process.argv.slice(2).map((a, i) => (i < 2 ? a : Number(a))) as [
  string,
  string,
  number,
  number,
];
const load = new LoadClient({ baseUrl } as ServerProcess, 1);
const viewers: Viewer[] = [];
process.on('message', (m: { t: string }) => {
  if (m.t !== 'close') return;
  for (const v of viewers) v.req.destroy();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
for (let step = 0; step < steps; step++) {
  const upTo = Math.round(((step + 1) * count) / steps);
  const batch: Promise<Viewer>[] = [];
  for (let i = viewers.length; i < upTo; i++) batch.push(load.viewRaw(meetingId));
  const connected = await Promise.all(batch);
  viewers.push(...connected);
  process.send!({ t: 'step', refused: connected.filter((v) => v.status !== 200).length });
  if (step < steps - 1) await once(process, 'message');
}
