import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  BODY_REGISTER_STREAM,
  bodyRegisterDecider,
  houseStyleDecider,
  houseStyleStreamId,
  incomingDecider,
  incomingStreamId,
  meetingDecider,
  meetingMembersOn,
  paragraphDecider,
  rosterDecider,
  rosterStreamId,
  streamIds,
  type BodyDetails,
  type BodyRegisterState,
  type Member,
  type MeetingScheduled,
  type RosterState,
} from '@app/domain';
import { DEFAULT_STYLE_ID, genitive, shippedStyles } from '@app/protocol';
import { assertBodyAccess } from '../auth/policy.js';
import { CommandRunner } from '../commands/command-runner.js';
import { newId, type CommandContext } from '../commands/command-context.js';
import { OpenParagraphMessage, withWarnings, type WriteResult } from '../commands/messages.js';
import { problems } from '../errors/problem.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import type { ScheduleMeetingDto } from '../http/dto/meeting.dto.js';
import type { OpenFromIncomingDto, RegisterBodyDto } from './bodies.dto.js';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('sv-SE') + s.slice(1);

/**
 * Bodies, rosters and forwarding over the generic command path (docs/adr/0036, 0037): the
 * register of bodies on one stream, a roster per body, incoming matters per receiving body.
 */
@Injectable()
export class Bodies {
  constructor(
    private readonly runner: CommandRunner,
    private readonly styles: HouseStyles,
    private readonly commands: CommandBus,
  ) {}

  async register(): Promise<BodyRegisterState> {
    return (await this.runner.load(BODY_REGISTER_STREAM, bodyRegisterDecider)).state;
  }

  async details(bodyId: string): Promise<BodyDetails | undefined> {
    return (await this.register()).bodies.get(bodyId);
  }

  async roster(bodyId: string): Promise<{ state: RosterState; revision: number }> {
    const loaded = await this.runner.load(rosterStreamId(bodyId), rosterDecider);
    return { state: loaded.state, revision: loaded.revision === 'no_stream' ? -1 : Number(loaded.revision) };
  }

  /** A body's details from a request: defaults filled, the default style known. */
  detailsFrom(bodyId: string, dto: Omit<RegisterBodyDto, 'bodyId'>): BodyDetails {
    const defaultHouseStyle = dto.defaultHouseStyle ?? DEFAULT_STYLE_ID;
    if (!shippedStyles.has(defaultHouseStyle)) {
      throw problems.validation([
        {
          field: 'defaultHouseStyle',
          message: `Ingen levererad husstil heter ${defaultHouseStyle}. Välj bland: ${[...shippedStyles.keys()].join(', ')}.`,
        },
      ]);
    }
    return {
      bodyId,
      name: dto.name,
      shortName: dto.shortName,
      kind: dto.kind,
      preparesFor: dto.preparesFor ?? null,
      numberingFormat: dto.numberingFormat ?? '§ {number}',
      defaultHouseStyle,
      immediateJusteringByDefault: dto.immediateJusteringByDefault ?? false,
    };
  }

  async registerBody(details: BodyDetails, ctx: CommandContext): Promise<WriteResult> {
    const result = await this.runner.run({
      stream: BODY_REGISTER_STREAM,
      decider: bodyRegisterDecider,
      ctx,
      bodyOf: () => undefined,
      prepare: () => ({
        command: { type: 'RegisterBody' as const, data: { ...details, at: ctx.recordedAt } },
        context: undefined,
      }),
    });
    // A new body starts with its default style as version 1, unless it already has one adopted
    // (house styles could be adopted per body id before bodies were data). ADR 0018 still rules.
    if (details.defaultHouseStyle !== DEFAULT_STYLE_ID) {
      const versions = await this.styles.versions(details.bodyId);
      if (versions.length === 0) {
        const style = this.styles.validate(shippedStyles.get(details.defaultHouseStyle)! as never);
        await this.runner.run({
          stream: houseStyleStreamId(details.bodyId),
          decider: houseStyleDecider,
          ctx,
          idScope: 'house-style',
          bodyOf: () => details.bodyId,
          prepare: () => ({
            command: {
              type: 'AdoptHouseStyle' as const,
              data: {
                bodyId: details.bodyId,
                style: style as unknown as Record<string, unknown>,
                at: ctx.recordedAt,
              },
            },
            context: undefined,
          }),
        });
      }
    }
    return { bodyId: details.bodyId, revision: result.revision };
  }

  async changeBody(details: BodyDetails, ctx: CommandContext): Promise<WriteResult> {
    const result = await this.runner.run({
      stream: BODY_REGISTER_STREAM,
      decider: bodyRegisterDecider,
      ctx,
      bodyOf: () => undefined,
      prepare: () => ({
        command: { type: 'ChangeBodyDetails' as const, data: { ...details, at: ctx.recordedAt } },
        context: undefined,
      }),
    });
    return { bodyId: details.bodyId, revision: result.revision };
  }

  async rosterCommand(
    bodyId: string,
    command:
      | { type: 'StartMembership'; data: Parameters<typeof rosterDecider.decide>[0]['data'] }
      | { type: 'EndMembership'; data: Parameters<typeof rosterDecider.decide>[0]['data'] },
    ctx: CommandContext,
  ): Promise<WriteResult> {
    const result = await this.runner.run({
      stream: rosterStreamId(bodyId),
      decider: rosterDecider,
      ctx,
      bodyOf: () => bodyId,
      prepare: async () => ({
        command: command as never,
        context: { bodyRegistered: (await this.register()).bodies.has(bodyId) },
      }),
    });
    return { bodyId, membershipId: command.data.membershipId, revision: result.revision };
  }

  /**
   * A ScheduleMeeting's data from the request: the body's printed names from the register when
   * only its id is given, and the members (and ordförande) from its roster on the meeting's date
   * when they are left out. What the clerk gives is used as given.
   */
  async scheduleData(dto: ScheduleMeetingDto, meetingId: string): Promise<MeetingScheduled['data']> {
    const bodyId = dto.body?.id ?? dto.bodyId;
    if (!bodyId) {
      throw problems.validation([{ field: 'bodyId', message: 'Ange organet (bodyId) eller body.' }]);
    }
    if (dto.body && dto.bodyId && dto.body.id !== dto.bodyId) {
      throw problems.validation([{ field: 'bodyId', message: 'bodyId och body.id anger olika organ.' }]);
    }
    const registered = await this.details(bodyId);
    const body = dto.body
      ? { id: dto.body.id, name: dto.body.name, shortName: dto.body.shortName }
      : registered
        ? { id: registered.bodyId, name: registered.name, shortName: registered.shortName }
        : undefined;
    if (!body) {
      throw problems.validation([
        {
          field: 'bodyId',
          message: `Organet ${bodyId} finns inte i förteckningen över organ. Ange body med namn, eller be en administratör lägga till organet.`,
        },
      ]);
    }
    let members: readonly Member[] | undefined = dto.members;
    let chair = dto.chair;
    let membersFrom: MeetingScheduled['data']['membersFrom'];
    if (members === undefined || chair === undefined) {
      const { state, revision } = registered ? await this.roster(bodyId) : { state: undefined, revision: -1 };
      const fromRoster = state ? meetingMembersOn(state, dto.date) : { members: [] };
      if (members === undefined) {
        if (fromRoster.members.length === 0) {
          throw problems.validation([
            {
              field: 'members',
              message: `Organet ${bodyId} har inga ledamöter i förteckningen ${dto.date}. Ange ledamöterna (members), eller lägg in organets ledamöter först.`,
            },
          ]);
        }
        members = fromRoster.members;
        membersFrom = { roster: rosterStreamId(bodyId), revision, date: dto.date };
      }
      chair ??= fromRoster.chair;
      if (chair === undefined) {
        throw problems.validation([
          {
            field: 'chair',
            message: 'Ange ordföranden (chair): förteckningen har ingen ordförande den dagen.',
          },
        ]);
      }
    }
    return {
      meetingId,
      body,
      date: dto.date,
      startTime: dto.startTime,
      place: dto.place,
      chair,
      secretary: dto.secretary,
      members,
      ...(membersFrom ? { membersFrom } : {}),
    };
  }

  /** Send a paragraph's förslag on to the receiving body's incoming matters. */
  async forward(
    paragraphId: string,
    toBodyId: string | undefined,
    ctx: CommandContext,
  ): Promise<WriteResult> {
    const sender = await this.runner.load(streamIds.paragraph(paragraphId), paragraphDecider);
    const opened = sender.state.opened;
    if (!opened) throw problems.notFound(`Ärendet ${paragraphId} finns inte.`);
    assertBodyAccess(ctx.user, opened.body.id);
    const fromBody = await this.details(opened.body.id);
    const target = toBodyId ?? fromBody?.preparesFor ?? undefined;
    if (!target) {
      throw problems.validation([
        {
          field: 'toBodyId',
          message: `Ange mottagande organ (toBodyId): ${opened.body.name} bereder inte ärenden för något organ i förteckningen.`,
        },
      ]);
    }
    const forwardId = newId(ctx, 'forwardId');
    const result = await this.runner.run({
      stream: incomingStreamId(target),
      decider: incomingDecider,
      ctx,
      bodyOf: () => opened.body.id,
      prepare: async () => {
        const paragraph = (await this.runner.load(streamIds.paragraph(paragraphId), paragraphDecider)).state;
        const meeting = (await this.runner.load(streamIds.meeting(opened.meetingId), meetingDecider)).state;
        const register = await this.register();
        return {
          command: {
            type: 'ForwardMatter' as const,
            data: { forwardId, toBodyId: target, at: ctx.recordedAt },
          },
          context: {
            toBody: register.bodies.get(target),
            from: { paragraph, meeting, body: register.bodies.get(opened.body.id) },
          },
        };
      },
    });
    const sent = result.state.matters.find((m) => m.forwarded.lineage.at(-1)?.paragraphId === paragraphId);
    return withWarnings(
      { forwardId: sent?.forwarded.forwardId ?? forwardId, toBodyId: target, revision: result.revision },
      result.warnings,
    );
  }

  /** The receiving body's clerk opens a paragraph from an incoming matter, with its lineage. */
  async openFromIncoming(
    bodyId: string,
    forwardId: string,
    dto: OpenFromIncomingDto,
    ctx: CommandContext,
  ): Promise<WriteResult> {
    assertBodyAccess(ctx.user, bodyId);
    const inbox = await this.runner.load(incomingStreamId(bodyId), incomingDecider);
    const matter = inbox.state.matters.find((m) => m.forwarded.forwardId === forwardId);
    if (!matter)
      throw problems.notFound(`Det inkomna ärendet ${forwardId} finns inte hos organet ${bodyId}.`);
    const meeting = await this.runner.load(streamIds.meeting(dto.meetingId), meetingDecider);
    const schedule = meeting.state.schedule;
    if (!schedule) throw problems.notFound(`Sammanträdet ${dto.meetingId} finns inte.`);
    const paragraphId = dto.paragraphId ?? newId(ctx, 'paragraphId');
    const year = Number(schedule.date.slice(0, 4));
    const takeUp = (number: number) => ({
      type: 'TakeUpMatter' as const,
      data: { forwardId, paragraphId, meetingId: dto.meetingId, year, number, at: ctx.recordedAt },
    });
    // Refused here (taken up already, another body's meeting) before a § number is reserved.
    incomingDecider.decide(takeUp(1), inbox.state, { meetingBodyId: schedule.body.id });

    const last = matter.forwarded.lineage.at(-1)!;
    const opened = await this.commands.execute(
      new OpenParagraphMessage(
        {
          paragraphId,
          meetingId: dto.meetingId,
          ...(dto.number !== undefined ? { number: dto.number } : {}),
          caseNumber: dto.caseNumber ?? last.caseNumber ?? undefined,
          title: dto.title ?? matter.forwarded.title,
          summary: dto.summary ?? [...matter.forwarded.summary],
          basisDocuments: dto.basisDocuments ?? [
            `${genitive(last.bodyName)} protokoll ${last.date} ${last.label}`,
          ],
          proposal: { proposer: lowerFirst(last.bodyName), decision: { proposesTo: last.proposesTo } },
          ...(dto.classification !== undefined ? { classification: dto.classification } : {}),
          origin: { forwardId, lineage: matter.forwarded.lineage },
        },
        ctx,
      ),
    );
    await this.runner.run({
      stream: incomingStreamId(bodyId),
      decider: incomingDecider,
      ctx,
      idScope: 'incoming',
      bodyOf: () => bodyId,
      prepare: () => ({
        command: takeUp(Number(opened.number)),
        context: { meetingBodyId: schedule.body.id },
      }),
    });
    return opened;
  }
}
