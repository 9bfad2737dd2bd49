import { Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { AuditController } from './audit.controller.js';
import { LiveController } from './live.controller.js';
import { DEFAULT_LIVE, LiveHub, type LiveOptions } from './live-hub.js';
import { ReadModelsController } from './read-models.controller.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { ReadModels, readModelPath } from './read-models.service.js';

/**
 * Read models, the live stream and auditors' replay. Import once in AppModule:
 *   ReadModelsModule.register({ store: options.store })
 * Guarding is the app's global AuthGuard; every route here needs `read`.
 */
@Module({})
export class ReadModelsModule {
  static register(options: { store: EventStore; path?: string; live?: LiveOptions }): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [ReadModelsController, LiveController, AuditController],
      providers: [
        {
          provide: ReadModels,
          useFactory: () => new ReadModels(options.store, options.path ?? readModelPath(options.store)),
        },
        { provide: HouseStyles, useFactory: () => new HouseStyles(options.store) },
        {
          provide: LiveHub,
          inject: [ReadModels],
          useFactory: (models: ReadModels) =>
            new LiveHub(models.runner, options.store, models.db, options.live ?? DEFAULT_LIVE),
        },
      ],
      exports: [ReadModels, HouseStyles, LiveHub],
    };
  }
}
