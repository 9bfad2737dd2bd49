import type { DestinationStream } from 'pino';
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '@app/event-store';
import { AttachmentStore } from './attachments/attachment.store.js';
import { AttachmentsController } from './attachments/attachments.controller.js';
import { dirname, join } from 'node:path';
import { AccessStore } from './auth/access-store.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { BodiesController } from './bodies/bodies.controller.js';
import { Bodies } from './bodies/bodies.service.js';
import { Authenticator } from './auth/authenticator.js';
import { MeController } from './auth/me.controller.js';
import { OidcSignIn } from './auth/oidc-sign-in.js';
import { TokensController } from './auth/tokens.controller.js';
import { UserDirectory } from './auth/users.js';
import { CommandRunner } from './commands/command-runner.js';
import { commandHandlers } from './commands/handlers.js';
import { API_CONFIG, type ApiConfig } from './config.js';
import { ProblemFilter } from './errors/problem.filter.js';
import { HealthController } from './health/health.controller.js';
import { Metrics } from './ops/metrics.js';
import { MeetingsController } from './http/meetings.controller.js';
import { ParagraphRecordController } from './http/paragraph-record.controller.js';
import { ParagraphsController } from './http/paragraphs.controller.js';
import { validationPipe } from './http/validation.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { DocumentMarksModule } from './documents/document-marks.js';
import { IntegrityService } from './integrity/integrity.service.js';
import { VerifyController } from './integrity/verify.controller.js';
import { JusteringController } from './justering/justering.controller.js';
import { JusteringService } from './justering/justering.service.js';
import { ExtractVerification } from './verification/extract-verification.service.js';
import { VerificationController } from './verification/verification.controller.js';
import { StoreLifecycle } from './infra/lifecycle.js';
import { EVENT_STORE } from './infra/tokens.js';
import { PreviewInterceptor } from './http/preview.interceptor.js';
import { HouseStylesController } from './house-styles/house-styles.controller.js';
import { QueryService } from './queries/query.service.js';
import { ReadModelsModule } from './read-models/read-models.module.js';
import { WebModule } from './web/web.module.js';

export interface AppOptions {
  readonly config: ApiConfig;
  /** Opened by the caller (main, tests, bench); the app closes it on shutdown. */
  readonly store: EventStore;
  readonly users: UserDirectory;
  /** Where the JSON log lines go; standard output when not given (tests pass a collector). */
  readonly logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: API_CONFIG, useValue: options.config },
      { provide: EVENT_STORE, useValue: options.store },
      { provide: UserDirectory, useValue: options.users },
      { provide: IdempotencyStore, useFactory: () => new IdempotencyStore(options.config.idempotencyPath) },
      { provide: AttachmentStore, useValue: new AttachmentStore(options.config.attachmentsPath) },
      {
        provide: AccessStore,
        // Sessions and issued tokens beside the users file unless PARAGRAF_ACCESS_PATH says otherwise.
        useFactory: () =>
          new AccessStore(options.config.accessPath ?? join(dirname(options.config.usersFile), 'access.db')),
      },
      Authenticator,
      OidcSignIn,
      StoreLifecycle,
      CommandRunner,
      Metrics,
      IntegrityService,
      JusteringService,
      ExtractVerification,
      QueryService,
      Bodies,
      ...(commandHandlers as Type[]),
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemFilter },
      { provide: APP_PIPE, useFactory: validationPipe },
      { provide: APP_INTERCEPTOR, useClass: PreviewInterceptor },
    ];
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        DocumentMarksModule.register(options.store),
        WebModule,
        ReadModelsModule.register({ store: options.store, live: options.config.live }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [
        HealthController,
        MeetingsController,
        ParagraphsController,
        ParagraphRecordController,
        HouseStylesController,
        BodiesController,
        AttachmentsController,
        VerifyController,
        JusteringController,
        VerificationController,
        MeController,
        AuthController,
        TokensController,
      ],
      providers,
    };
  }
}
