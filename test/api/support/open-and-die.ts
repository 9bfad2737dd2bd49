/**
 * For the § numbering crash test: opens one paragraph on the meeting in `<dir>` through the
 * API's command path (without Nest: tsx emits no decorator metadata) and is killed (SIGKILL,
 * by itself) between the two appends of docs/adr/0004 — after the § reservation is stored,
 * before the paragraph stream is written.
 *   open-and-die.ts <dir> <meetingId>
 */
import { join } from 'node:path';
import { SqliteEventStore, type AppendOptions, type EventData, type EventStore } from '@app/event-store';
import { newCommandContext } from '../../../apps/api/src/commands/command-context.js';
import { CommandRunner } from '../../../apps/api/src/commands/command-runner.js';
import { OpenParagraphHandler } from '../../../apps/api/src/commands/open-paragraph.handler.js';
import { OpenParagraphMessage } from '../../../apps/api/src/commands/messages.js';
import { loadApiConfig } from '../../../apps/api/src/config.js';
import { PARAGRAPH_BODY } from './setup.js';

const [dir, meetingId] = process.argv.slice(2);
const sqlite = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
const store: EventStore = new Proxy(sqlite, {
  get(target, prop, receiver) {
    if (prop !== 'appendToStream') return Reflect.get(target, prop, receiver);
    return (stream: string, events: readonly EventData[], options?: AppendOptions) => {
      if (events[0]?.type === 'ParagraphOpened') {
        process.stdout.write('reserved\n');
        process.kill(process.pid, 'SIGKILL');
      }
      return target.appendToStream(stream, events, options);
    };
  },
});
const config = loadApiConfig({ NODE_ENV: 'test' });
const opening = new OpenParagraphHandler(new CommandRunner(store, config), store, config);
const ctx = newCommandContext({
  user: { id: 'clerk', name: 'clerk', role: 'clerk', roles: ['clerk'], bodies: ['ks-au'] },
  requestId: 'crash-test',
});
await opening.execute(
  new OpenParagraphMessage({ ...PARAGRAPH_BODY, paragraphId: crypto.randomUUID(), meetingId }, ctx),
);
process.stdout.write('not killed\n');
process.exit(1);
