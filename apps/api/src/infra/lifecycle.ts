import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { AccessStore } from '../auth/access-store.js';
import { IdempotencyStore } from '../idempotency/idempotency.store.js';
import { EVENT_STORE } from './tokens.js';

/** Closes what the app opened, on app.close() and on SIGTERM/SIGINT (enableShutdownHooks). */
@Injectable()
export class StoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly idempotency: IdempotencyStore,
    @Inject(AccessStore) private readonly access: AccessStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.idempotency.close();
    this.access.close();
    await this.store.close();
  }
}
