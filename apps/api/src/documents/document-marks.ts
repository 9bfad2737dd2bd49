/**
 * What a served document carries beside its content: the seal that covers its justering
 * ("Kontrollsumma …", docs/adr/0031) and, for an auditor, a mark when background verification
 * found a break in the streams it was built from (docs/adr/0031). One instance per app, shared
 * by every controller that serves a document (a global module: the read models live in a
 * module of their own).
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  SEAL_STREAM,
  StreamNotFoundError,
  type EventStore,
  type IntegrityBreak,
  type SealData,
  type StoredEvent,
  type VerifyReport,
} from '@app/event-store';
import { streamIds } from '@app/domain';
import type { Block, ProtocolDocument, SealNote } from '@app/protocol';
import type { User } from '../auth/users.js';

export const INTEGRITY_HEADER = 'paragraf-integrity';

/** Events that fix a protocol or a paragraph: the seal printed is the first that covers the last of them. */
const PROTOCOL_JUSTIFIED = 'ProtocolJustified';
const PARAGRAPH_JUSTIFIED = 'ParagraphJustified';

export class DocumentMarks {
  /** The seal stream as read so far (append-only: later reads continue after it). */
  private seals: SealData[] = [];
  private reading: Promise<void> | null = null;
  private report: VerifyReport | null = null;

  constructor(private readonly store: EventStore) {}

  /** Called by IntegrityService with every new verification result. */
  publish(report: VerifyReport): void {
    this.report = report;
  }

  /** The breaks found in these streams by the last verification (none while it has not run). */
  breaksIn(streams: readonly string[]): IntegrityBreak[] {
    if (!this.report || this.report.ok) return [];
    const wanted = new Set(streams);
    return this.report.breaks.filter((b) => wanted.has(b.streamId));
  }

  /** The streams a meeting's documents are built from. */
  meetingStreams(meetingId: string, paragraphIds: readonly string[]): string[] {
    return [
      streamIds.meeting(meetingId),
      `justering-${meetingId}`,
      ...paragraphIds.map((id) => streamIds.paragraph(id)),
    ];
  }

  /** The seal covering the protocol's justering, or null (not justified, or not sealed yet). */
  async protocolSeal(meetingId: string): Promise<SealNote | null> {
    const event = await this.lastOf(streamIds.meeting(meetingId), PROTOCOL_JUSTIFIED);
    return event ? this.covering(event.position.commit) : null;
  }

  /** The seal covering a paragraph's own justering, else the protocol's. */
  async extractSeal(paragraphId: string, meetingId: string): Promise<SealNote | null> {
    const own = await this.lastOf(streamIds.paragraph(paragraphId), PARAGRAPH_JUSTIFIED);
    if (own) return this.covering(own.position.commit);
    return this.protocolSeal(meetingId);
  }

  private async lastOf(stream: string, type: string): Promise<StoredEvent | undefined> {
    try {
      return (await this.store.readStream(stream)).findLast((e) => e.type === type);
    } catch (err) {
      if (err instanceof StreamNotFoundError) return undefined;
      throw err;
    }
  }

  /** The earliest seal whose `upTo` reaches `position`; the seal stream is read on from where it was. */
  async covering(position: bigint): Promise<SealNote | null> {
    let seal = this.seals.find((s) => BigInt(s.upTo) >= position);
    if (!seal) {
      await this.readSeals();
      seal = this.seals.find((s) => BigInt(s.upTo) >= position);
    }
    return seal ? { root: seal.root, upTo: seal.upTo, sealedAt: seal.sealedAt } : null;
  }

  private readSeals(): Promise<void> {
    this.reading ??= (async () => {
      try {
        const from = BigInt(this.seals.length);
        const events = await this.store.readStream(SEAL_STREAM, { fromRevision: from });
        for (const e of events)
          if (Number(e.revision) === this.seals.length) this.seals.push(e.data as SealData);
      } catch (err) {
        if (!(err instanceof StreamNotFoundError)) throw err;
      }
    })().finally(() => (this.reading = null));
    return this.reading;
  }
}

/**
 * For an auditor, a document built from streams with breaks gets the `paragraf-integrity:
 * broken` header and a notice ahead of its content naming each break; anyone else gets the
 * document as it is (the stream names are for auditors, docs/adr/0025).
 */
export function markIntegrity(
  reply: FastifyReply,
  reader: User | null | undefined,
  doc: ProtocolDocument,
  breaks: readonly IntegrityBreak[],
): ProtocolDocument {
  if (reader?.role !== 'auditor') return doc;
  void reply.header(INTEGRITY_HEADER, breaks.length > 0 ? 'broken' : 'clean');
  if (breaks.length === 0) return doc;
  return { ...doc, blocks: [...integrityNotice(breaks), ...doc.blocks] };
}

/** The notice, in Swedish, one line per break (at most 20, then how many more). */
export function integrityNotice(breaks: readonly IntegrityBreak[]): Block[] {
  const shown = breaks.slice(0, 20).map((b) => {
    const revision = b.revision === null ? '' : `, revision ${b.revision}`;
    return `Varning: historiken för ${describe(b.streamId)} har ändrats efter att den skrevs (ström ${b.streamId}${revision}: ${b.detail})`;
  });
  if (breaks.length > shown.length) shown.push(`… och ${breaks.length - shown.length} brott till.`);
  return [
    { kind: 'heading', level: 2, text: 'Varning: protokollets historik stämmer inte' },
    { kind: 'lines', items: shown },
    {
      kind: 'text',
      text: 'Dokumentet nedan är byggt av den historik som nu finns lagrad. Se GET /audit/verify för detaljer.',
    },
  ];
}

function describe(streamId: string): string {
  if (streamId.startsWith('meeting-')) return 'sammanträdet';
  if (streamId.startsWith('paragraph-')) return 'paragrafen';
  if (streamId.startsWith('justering-')) return 'justeringen';
  return streamId;
}

/** Global, so the read models' controllers and the app's share one instance. */
@Global()
@Module({})
export class DocumentMarksModule {
  static register(store: EventStore): DynamicModule {
    return {
      module: DocumentMarksModule,
      providers: [{ provide: DocumentMarks, useValue: new DocumentMarks(store) }],
      exports: [DocumentMarks],
    };
  }
}
