import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type AppendOptions, type EventData, type EventStore } from '@app/event-store';
import { streamIds } from '@app/domain';
import { openParagraph, schedule } from '../../../../libs/domain/test/fixtures.js';
import { loadApiConfig } from '../config.js';
import { newCommandContext } from './command-context.js';
import { CommandRunner } from './command-runner.js';
import { MeetingCommandHandler } from './meeting.handler.js';
import { MeetingCommandMessage, OpenParagraphMessage, ReorderAgendaMessage } from './messages.js';
import { OpenParagraphHandler } from './open-paragraph.handler.js';
import { ReorderAgendaHandler } from './reorder-agenda.handler.js';

const user = { id: 'clerk', name: 'clerk', role: 'clerk', roles: ['clerk'], bodies: ['ks-au'] } as const;
const ctx = (idempotencyKey?: string) =>
  newCommandContext({ user: { ...user, roles: [...user.roles] }, requestId: 'test', idempotencyKey });

/** A store whose second ParagraphRenumbered append fails once, as a crash between the writes would. */
function failingOnce(store: MemoryEventStore): EventStore {
  let renumbered = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'appendToStream') return Reflect.get(target, prop, receiver);
      return (stream: string, events: readonly EventData[], options?: AppendOptions) => {
        if (events[0]?.type === 'ParagraphRenumbered' && ++renumbered === 2) {
          return Promise.reject(new Error('the disk is full'));
        }
        return target.appendToStream(stream, events, options);
      };
    },
  });
}

describe('ReorderAgendaHandler', () => {
  it('completes a change cut short between its writes when the request is sent again', async () => {
    const memory = new MemoryEventStore();
    const store = failingOnce(memory);
    const config = loadApiConfig({ NODE_ENV: 'test' });
    const runner = new CommandRunner(store, config);
    await new MeetingCommandHandler(runner).execute(new MeetingCommandMessage(schedule, ctx()));
    const opening = new OpenParagraphHandler(runner, store, config);
    const { number: _given, ...request } = openParagraph.data;
    for (const paragraphId of ['p-a', 'p-b', 'p-c']) {
      await opening.execute(new OpenParagraphMessage({ ...request, paragraphId }, ctx()));
    }
    const numberOf = async (paragraphId: string) => {
      const events = await memory.readStream(streamIds.paragraph(paragraphId));
      const last = events.findLast((e) => e.type === 'ParagraphRenumbered');
      return last ? (last.data.to as number) : (events[0].data.number as number);
    };
    expect([await numberOf('p-a'), await numberOf('p-b'), await numberOf('p-c')]).toEqual([1, 2, 3]);

    const reorder = new ReorderAgendaHandler(runner);
    const sent = ctx('reorder-1');
    const message = new ReorderAgendaMessage(schedule.data.meetingId, ['p-c', 'p-a', 'p-b'], sent);
    await expect(reorder.execute(message)).rejects.toThrow('the disk is full');
    // Half done: the numbering stream holds the whole change, one paragraph has its number.
    expect(await numberOf('p-c')).toBe(1);
    expect(await numberOf('p-a')).toBe(1);

    const again = new ReorderAgendaMessage(schedule.data.meetingId, ['p-c', 'p-a', 'p-b'], ctx('reorder-1'));
    await reorder.execute(again);
    expect([await numberOf('p-c'), await numberOf('p-a'), await numberOf('p-b')]).toEqual([1, 2, 3]);
    const numbering = await memory.readStream(streamIds.numbering('ks-au', 2024));
    expect(numbering.filter((e) => e.type === 'ParagraphNumbersReassigned')).toHaveLength(1);
    for (const id of ['p-a', 'p-b', 'p-c']) {
      const events = await memory.readStream(streamIds.paragraph(id));
      expect(events.filter((e) => e.type === 'ParagraphRenumbered')).toHaveLength(1);
    }
  });
});
