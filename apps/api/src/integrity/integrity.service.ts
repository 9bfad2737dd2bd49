import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  catchUp,
  sealStore,
  Verifier,
  verifyStore,
  type EventStore,
  type VerifyReport,
} from '@app/event-store';
import { CommandRunner } from '../commands/command-runner.js';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { DocumentMarks } from '../documents/document-marks.js';
import { EVENT_STORE } from '../infra/tokens.js';

/**
 * Events whose recording fixes a document: a seal follows at once (docs/adr/0025), so that a
 * justered protocol and a certified extract are covered by a seal as soon as they exist.
 */
const JUSTERING_EVENTS = new Set([
  'ParagraphJustified',
  'ProtocolJustified',
  'JusteringCompleted',
  'ExtractCertified',
]);

const JUSTERING_SEAL_WAIT_MS = 5000;

export type IntegrityState = 'starting' | 'clean' | 'degraded';

/**
 * Keeps the record's proof current in the server: verifies every chain and seal in the
 * background at start and at an interval, reads new events incrementally, seals $all at an
 * interval and at every justering. A break is logged and reported by /health as degraded;
 * recording goes on (clerks must be able to work while auditors look into it).
 */
@Injectable()
export class IntegrityService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Integrity');
  /** Follows the store for sealing; replaced by each full verification. */
  private verifier = new Verifier();
  private latest: VerifyReport | null = null;
  private reportedBreaks = 0;
  private timers: NodeJS.Timeout[] = [];
  /** One job at a time: sealing and verifying share the verifier. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CommandRunner) runner: CommandRunner,
    @Inject(DocumentMarks) private readonly marks: DocumentMarks,
  ) {
    runner.onAppended(async (_stream, types) => {
      if (!types.some((t) => JUSTERING_EVENTS.has(t))) return;
      // Normally done in milliseconds; behind a long verification the justering does not wait for it.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.seal('justering'),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, JUSTERING_SEAL_WAIT_MS).unref())),
      ]);
      clearTimeout(timer);
    });
  }

  onApplicationBootstrap(): void {
    // In the background: a large store takes a while, and recording must not wait for it.
    void this.verifyAll()
      // A store written before chaining gets its genesis seal now (docs/adr/0024); others wait for the interval.
      .then((report) => (report.breaks.some((b) => b.kind === 'unsealed') ? this.seal('genesis') : undefined))
      .catch((err: unknown) => {
        if (!this.closed) this.log.error(`Verification failed: ${(err as Error).message}`);
      });
    if (this.config.sealIntervalSeconds > 0) {
      this.timers.push(setInterval(() => void this.seal('interval'), this.config.sealIntervalSeconds * 1000));
    }
    if (this.config.verifyIntervalSeconds > 0) {
      this.timers.push(setInterval(() => void this.verifyAll(), this.config.verifyIntervalSeconds * 1000));
    }
    for (const t of this.timers) t.unref();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
  }

  /** The state /health reports. */
  status(): { state: IntegrityState; report: VerifyReport | null } {
    if (!this.latest) return { state: 'starting', report: null };
    return { state: this.latest.ok ? 'clean' : 'degraded', report: this.latest };
  }

  /** Recompute every chain and seal from position 0 (the auditor's endpoint, the background pass). */
  verifyAll(): Promise<VerifyReport> {
    return this.exclusive(async () => {
      const { verifier, report } = await verifyStore(this.store);
      this.verifier = verifier;
      this.publish(report);
      return report;
    });
  }

  /** Seal what was written since the last seal (nothing when nothing was). */
  seal(reason: string): Promise<void> {
    return this.exclusive(async () => {
      if (this.closed) return;
      if (!this.latest) await catchUp(this.store, this.verifier);
      await sealStore(this.store, this.verifier, reason);
      this.publish(this.verifier.result());
    }).catch((err: unknown) => this.log.error(`Sealing failed: ${(err as Error).message}`));
  }

  private publish(report: VerifyReport): void {
    this.latest = report;
    this.marks.publish(report); // the auditor's documents carry the breaks (docs/adr/0031)
    const count = report.breaks.length + report.breaksOmitted;
    if (count > 0 && count !== this.reportedBreaks) {
      this.log.error(
        `Integrity check found ${count} break(s); first: ${report.breaks
          .slice(0, 5)
          .map((b) => `${b.kind} ${b.streamId}@${b.revision ?? '-'}`)
          .join(', ')}`,
      );
    }
    this.reportedBreaks = count;
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
