import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, from, throwError, type Observable } from 'rxjs';
import { streamIds } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { paragraphView, renderExtract } from '@app/protocol';
import { PreviewOutcome } from '../commands/command-runner.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { QueryService } from '../queries/query.service.js';

export interface PreviewAnswer {
  readonly preview: true;
  /** The lines the entry adds to the paragraph's extract, exactly as the extract will have them. */
  readonly sentences: string[];
  readonly warnings: ReadonlyArray<{ code: string; message: string }>;
}

/**
 * A command sent with `Paragraf-Preview: 1` is decided like any other (every rule applies) but
 * not appended (command-runner.ts). Here its events are folded onto the paragraph's history and
 * the extract is rendered before and after with the body's house style: the lines that differ
 * are the preview, so it cannot say anything the extract will not (docs/adr/0045).
 */
@Injectable()
export class PreviewInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryService,
    private readonly styles: HouseStyles,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Every other request passes untouched: no operator on the hot path (docs/adr/0014).
    const headers = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers;
    if (headers['paragraf-preview'] !== '1') return next.handle();
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (!(err instanceof PreviewOutcome)) return throwError(() => err);
        void context.switchToHttp().getResponse<FastifyReply>().status(200);
        return from(this.answer(err));
      }),
    );
  }

  private async answer(outcome: PreviewOutcome): Promise<PreviewAnswer> {
    const prefix = streamIds.paragraph('');
    if (!outcome.stream.startsWith(prefix))
      return { preview: true, sentences: [], warnings: outcome.warnings };
    const history = await this.store.readStream(outcome.stream);
    const before = paragraphView(history);
    const after = paragraphView([...history, ...outcome.events]);
    const meeting = (await this.queries.meeting(before.meetingId)).view;
    const style = await this.styles.forExtract(after, meeting);
    const text = (p: typeof before) => renderExtract(p, meeting, { ...style, format: 'text' });
    const had = new Set(
      text(before)
        .split('\n')
        .map((l) => l.trim()),
    );
    const sentences = text(after)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !had.has(l));
    return { preview: true, sentences, warnings: outcome.warnings };
  }
}
