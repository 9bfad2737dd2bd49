import { Inject, Injectable } from '@nestjs/common';
import { streamIds } from '@app/domain';
import {
  chainEvents,
  SEAL_STREAM,
  sha256Hex,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type SealData,
  type StoredEvent,
} from '@app/event-store';
import {
  extractDocument,
  meetingView,
  paragraphView,
  writeDocument,
  type ProtocolDocument,
} from '@app/protocol';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { randomUUID } from 'node:crypto';
import { problems } from '../errors/problem.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { IntegrityService } from '../integrity/integrity.service.js';
import { certifiedText, codeStream, extractBody, splitCertified, verificationCode } from './code.js';

/** What a verification code stands for, on `extract-code-<code>`. */
interface CodeIssued {
  readonly code: string;
  readonly paragraphId: string;
  readonly meetingId: string;
  readonly documentSha256: string;
  readonly certified: { readonly at: string; readonly by: unknown; readonly position: string };
  readonly seal: { readonly upTo: string; readonly root: string };
}

export interface VerificationAnswer {
  readonly valid: boolean;
  readonly code: string;
  /** With a document: does its text give the recorded hash? */
  readonly matches?: boolean;
  readonly paragraph: { paragraphId: string; number: number; year: number; title: string; body: string };
  readonly documentSha256: string;
  readonly certified: { at: string; by: unknown };
  readonly justified: { by: unknown; at: string } | null;
  /** Rättelser recorded after the certification: the certified text no longer tells everything. */
  readonly correctedAfterwards: ReadonlyArray<{ field: string; why: string; from: string; to: string }>;
  readonly seal: { upTo: string; root: string; found: boolean };
}

/**
 * Verifiable extracts (docs/adr/0026): a certified extract carries a code derived from its hash
 * and the seal that covers its certification; anyone can look the code up, or send the text,
 * and learn whether it matches the record, who justified it and when, and whether anything was
 * corrected afterwards.
 */
@Injectable()
export class ExtractVerification {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IntegrityService) private readonly integrity: IntegrityService,
    @Inject(HouseStyles) private readonly styles: HouseStyles,
  ) {}

  private async read(stream: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(stream);
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw err;
    }
  }

  /** The certified extract as it stood when certified, with its code printed in it. */
  async certified(
    paragraphId: string,
  ): Promise<{ text: string; code: string; documentSha256: string; document: ProtocolDocument }> {
    const events = await this.read(streamIds.paragraph(paragraphId));
    if (events.length === 0) throw problems.notFound(`Ärendet ${paragraphId} finns inte.`);
    const at = events.findLastIndex((e) => e.type === 'ExtractCertified');
    if (at < 0) throw problems.notFound('Utdraget är inte bestyrkt. Utdragsbestyrkande registreras först.');
    const certification = events[at];
    const paragraph = paragraphView(events.slice(0, at + 1));
    const meetingEvents = (await this.read(streamIds.meeting(paragraph.meetingId))).filter(
      (e) => e.position.commit <= certification.position.commit,
    );
    const meeting = meetingView(meetingEvents);
    // Worded in the body's house style as it stood when the extract was certified.
    const style = await this.styles.forExtract(paragraph, meeting, {
      position: certification.position.commit,
    });
    const document = extractDocument(paragraph, meeting, style);
    const extract = extractBody(writeDocument(document, 'text'));
    const documentSha256 = sha256Hex(extract);
    const seal = await this.sealCovering(certification.position.commit);
    const code = verificationCode(documentSha256, seal.root);
    const issued: CodeIssued = {
      code,
      paragraphId,
      meetingId: paragraph.meetingId,
      documentSha256,
      certified: {
        at: String(certification.data.at),
        by: certification.data.by,
        position: certification.position.commit.toString(),
      },
      seal: { upTo: seal.upTo, root: seal.root },
    };
    await this.record(issued);
    return { text: certifiedText(extract, code), code, documentSha256, document };
  }

  private async record(issued: CodeIssued): Promise<void> {
    const stream = codeStream(issued.code);
    if ((await this.read(stream)).length > 0) return;
    const { events } = chainEvents(
      stream,
      [
        {
          id: randomUUID(),
          type: 'ExtractCodeIssued',
          data: { ...issued },
          metadata: { userId: 'system', role: 'system', recordedAt: new Date().toISOString() },
        },
      ],
      null,
    );
    try {
      await this.store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError)) throw err; // issued at the same moment elsewhere
    }
  }

  /** The earliest seal that covers `position`; seals now when none does yet. */
  private async sealCovering(position: bigint): Promise<SealData> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const seals = (await this.read(SEAL_STREAM)).map((e) => e.data as SealData);
      const covering = seals.find((s) => BigInt(s.upTo) >= position);
      if (covering) return covering;
      await this.integrity.seal('certification');
    }
    throw new Error(`No seal covers position ${position}`);
  }

  async lookup(code: string, text?: string): Promise<VerificationAnswer> {
    const [issuedEvent] = await this.read(codeStream(code));
    if (!issuedEvent) throw problems.notFound(`Kontrollkoden ${code} finns inte i protokollet.`);
    const issued = issuedEvent.data as unknown as CodeIssued;
    const events = await this.read(streamIds.paragraph(issued.paragraphId));
    const paragraph = paragraphView(events);
    const certifiedAt = BigInt(issued.certified.position);
    const corrections = events
      .filter((e) => e.type === 'CorrectionRecorded' && e.position.commit > certifiedAt)
      .map((e) => {
        const d = e.data as { field: string; why: string; from: string; to: string };
        return { field: d.field, why: d.why, from: d.from, to: d.to };
      });
    const ownJustering = events.findLast((e) => e.type === 'ParagraphJustified');
    const protocol = (await this.read(streamIds.meeting(issued.meetingId))).findLast(
      (e) => e.type === 'ProtocolJustified',
    );
    const justering = ownJustering ?? protocol;
    const seals = (await this.read(SEAL_STREAM)).map((e) => e.data as SealData);
    const sealFound = seals.some((s) => s.upTo === issued.seal.upTo && s.root === issued.seal.root);
    const matches = text === undefined ? undefined : sha256Hex(extractBody(text)) === issued.documentSha256;
    return {
      valid: sealFound && (matches ?? true),
      code,
      ...(matches === undefined ? {} : { matches }),
      paragraph: {
        paragraphId: issued.paragraphId,
        number: paragraph.number,
        year: paragraph.year,
        title: paragraph.title,
        body: paragraph.body.name,
      },
      documentSha256: issued.documentSha256,
      certified: { at: issued.certified.at, by: issued.certified.by },
      justified: justering
        ? { by: (justering.data as { by: unknown }).by, at: String((justering.data as { at: string }).at) }
        : null,
      correctedAfterwards: corrections,
      seal: { ...issued.seal, found: sealFound },
    };
  }

  /** A copy of a certified extract, as text: its code, and whether its text is the recorded one. */
  async check(text: string): Promise<VerificationAnswer> {
    const parts = splitCertified(text);
    if (!parts) {
      throw problems.validation([
        { field: 'text', message: 'contains no Kontrollkod line of a certified extract' },
      ]);
    }
    return this.lookup(parts.code, parts.extract);
  }
}
