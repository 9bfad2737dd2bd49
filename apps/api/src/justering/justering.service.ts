import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  findMember,
  justeringDecider,
  justeringStream,
  meetingDecider,
  memberRef,
  missingSigners,
  streamIds,
  type JusteringState,
  type MeetingState,
  type MemberRef,
} from '@app/domain';
import { renderProtocol } from '@app/protocol';
import { CommandRunner } from '../commands/command-runner.js';
import type { CommandContext } from '../commands/command-context.js';
import { MeetingCommandMessage } from '../commands/messages.js';
import { problems } from '../errors/problem.js';
import { QueryService } from '../queries/query.service.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { documentSha256 } from './document-hash.js';

export interface JusteringStatus {
  readonly meetingId: string;
  readonly revision: number;
  readonly requested: boolean;
  readonly complete: boolean;
  readonly required: readonly MemberRef[];
  readonly signatures: JusteringState['signatures'];
  readonly missing: readonly MemberRef[];
}

/**
 * Justering signed by the people (docs/adr/0026): the clerk sends the protocol for justering,
 * each required person signs for themselves with the hash of the text/plain protocol they were
 * served; the last signature completes it and records ProtocolJustified on the meeting. The
 * signing method is a bearer token today; e-legitimation (BankID/Freja through a signing
 * service) would verify the person and the hash before `sign` and pass its reference.
 */
@Injectable()
export class JusteringService {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(QueryService) private readonly queries: QueryService,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(HouseStyles) private readonly styles: HouseStyles,
  ) {}

  /** The document a signer signs: the protocol as text/plain, exactly as GET /meetings/:id/protocol serves it. */
  async document(meetingId: string): Promise<{ text: string; sha256: string }> {
    const { meeting: view, paragraphs } = await this.queries.protocolViews(meetingId);
    const style = await this.styles.forProtocol(view, paragraphs);
    const text = renderProtocol(view, paragraphs, { ...style, format: 'text' });
    return { text, sha256: documentSha256(text) };
  }

  private async meeting(meetingId: string): Promise<MeetingState> {
    const loaded = await this.runner.load(streamIds.meeting(meetingId), meetingDecider);
    if (loaded.revision === 'no_stream') throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    return loaded.state;
  }

  async request(meetingId: string, ctx: CommandContext): Promise<JusteringStatus> {
    const meeting = await this.meeting(meetingId);
    const ids =
      meeting.schedule && meeting.adjusters ? [meeting.schedule.chair, ...meeting.adjusters.adjusters] : [];
    const required = ids.map((id) => findMember(meeting, id)).flatMap((m) => (m ? [memberRef(m)] : []));
    const result = await this.runner.run({
      stream: justeringStream(meetingId),
      decider: justeringDecider,
      ctx,
      bodyOf: () => meeting.schedule?.body.id,
      prepare: async () => {
        const { sha256 } = await this.document(meetingId);
        return {
          command: {
            type: 'RequestJustering' as const,
            data: {
              meetingId,
              document: 'protocol' as const,
              required,
              documentSha256: sha256,
              requestedBy: ctx.user.id,
              at: ctx.recordedAt,
            },
          },
          context: { meetingClosed: meeting.closedAt !== undefined, currentDocumentSha256: sha256 },
        };
      },
    });
    return status(meetingId, result.revision, result.state);
  }

  /** A signature by the signed-in person for themselves; anyone else's is refused (403). */
  async sign(
    meetingId: string,
    body: { memberId?: string; documentSha256: string },
    ctx: CommandContext,
  ): Promise<JusteringStatus> {
    const memberId = ctx.user.memberId;
    if (!memberId) {
      throw problems.forbidden('Du är inte kopplad till en ledamot och kan inte skriva under en justering.');
    }
    if (body.memberId !== undefined && body.memberId !== memberId) {
      throw problems.forbidden('Du kan bara skriva under justeringen för dig själv.');
    }
    const meeting = await this.meeting(meetingId);
    const result = await this.runner.run({
      stream: justeringStream(meetingId),
      decider: justeringDecider,
      ctx,
      notFound: `Protokollet för sammanträdet ${meetingId} är inte skickat för justering.`,
      bodyOf: () => meeting.schedule?.body.id,
      prepare: async () => ({
        command: {
          type: 'SignJustering' as const,
          data: {
            meetingId,
            memberId,
            userId: ctx.user.id,
            at: ctx.recordedAt,
            documentSha256: body.documentSha256,
            method:
              ctx.signedInWith === 'oidc'
                ? ('oidc-session' as const)
                : ctx.signedInWith === 'development'
                  ? ('development-session' as const)
                  : ('bearer-token' as const),
          },
        },
        context: {
          meetingClosed: meeting.closedAt !== undefined,
          currentDocumentSha256: (await this.document(meetingId)).sha256,
        },
      }),
    });
    await this.completeOnMeeting(meetingId, result.state, ctx);
    return status(meetingId, result.revision, result.state);
  }

  /**
   * The complete justering fixes the protocol on the meeting stream too. Two streams, no
   * transaction: a crash in between is completed by the next signature attempt or status call.
   */
  private async completeOnMeeting(
    meetingId: string,
    state: JusteringState,
    ctx: CommandContext,
  ): Promise<void> {
    if (!state.completed || !state.requested) return;
    const meeting = await this.meeting(meetingId);
    if (meeting.protocolJustified) return;
    await this.commands.execute(
      new MeetingCommandMessage(
        {
          type: 'JustifyProtocol',
          data: {
            meetingId,
            byMemberIds: state.requested.required.map((m) => m.memberId),
            at: state.completed.at,
          },
        },
        { ...ctx, ifMatch: undefined },
      ),
    );
  }

  async status(meetingId: string): Promise<JusteringStatus> {
    await this.meeting(meetingId);
    const loaded = await this.runner.load(justeringStream(meetingId), justeringDecider);
    return status(meetingId, loaded.revision === 'no_stream' ? -1 : Number(loaded.revision), loaded.state);
  }
}

function status(meetingId: string, revision: number, state: JusteringState): JusteringStatus {
  return {
    meetingId,
    revision,
    requested: state.requested !== undefined,
    complete: state.completed !== undefined,
    required: state.requested?.required ?? [],
    signatures: state.signatures,
    missing: missingSigners(state),
  };
}
