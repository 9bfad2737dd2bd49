import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { paragraphWithRevision, protocolOf } from '@app/projections';
import type { MeetingView, ParagraphView } from '@app/protocol';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { problems } from '../errors/problem.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { ReadModels } from '../read-models/read-models.service.js';

export interface MeetingWithParagraphs {
  readonly revision: number;
  readonly meeting: MeetingView;
  readonly paragraphs: ReadonlyArray<{
    readonly paragraphId: string;
    readonly number: number;
    readonly caseNumber: string | null;
    readonly title: string | null;
    readonly status: string | null;
    readonly revision: number;
  }>;
}

/**
 * The protocol's views for the clerk's page, the documents and justering, read from the read
 * model (the one protocol read path, ADR 0048). Each read first waits until the projections
 * hold every event stored when it came, so whoever recorded something sees it in the next read;
 * when they do not get there in time, 503 (never an answer that silently misses a write).
 */
@Injectable()
export class QueryService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ReadModels) private readonly models: ReadModels,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Wait until the read models hold the store's last event as of now. */
  private async caughtUp(): Promise<void> {
    const [last] = await this.store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
    if (!last || this.models.runner.position >= last.position.commit) return;
    try {
      await this.models.runner.waitFor(last.position.commit, this.config.readWaitMs);
    } catch {
      throw problems.readModelsBehind();
    }
  }

  async meeting(meetingId: string): Promise<{ revision: number; view: MeetingView }> {
    const model = await this.protocol(meetingId);
    return { revision: model.revision, view: model.meeting };
  }

  async paragraph(paragraphId: string): Promise<{ revision: number; view: ParagraphView }> {
    await this.caughtUp();
    const found = paragraphWithRevision(this.models.db, paragraphId);
    if (!found) throw problems.notFound(`Ärendet ${paragraphId} finns inte.`);
    return found;
  }

  async meetingWithParagraphs(meetingId: string): Promise<MeetingWithParagraphs> {
    const model = await this.protocol(meetingId);
    return {
      revision: model.revision,
      meeting: model.meeting,
      paragraphs: model.paragraphs.map((p) => ({
        paragraphId: p.paragraphId,
        number: p.number,
        caseNumber: p.view.caseNumber,
        title: p.view.title,
        status: p.view.status,
        revision: p.revision,
        // Sekretess (docs/adr/0030): the provision cited, while marked.
        confidential: p.view.confidential?.provision ?? null,
      })),
    };
  }

  /** The meeting with its paragraphs' views in § order (for the protocol). */
  async protocolViews(meetingId: string): Promise<{ meeting: MeetingView; paragraphs: ParagraphView[] }> {
    const model = await this.protocol(meetingId);
    return { meeting: model.meeting, paragraphs: model.paragraphs.map((p) => p.view) };
  }

  private async protocol(meetingId: string) {
    await this.caughtUp();
    const model = protocolOf(this.models.db, meetingId);
    if (!model) throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    return model;
  }
}
