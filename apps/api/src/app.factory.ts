import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import { Authenticator } from './auth/authenticator.js';
import { guardJsonBodies } from './http/body-guard.js';
import { acceptRawBodies } from './http/raw-bodies.js';
import { addEtags } from './http/etag.js';
import { openApiDocument } from './http/swagger.js';
import { Metrics } from './ops/metrics.js';
import helmet from '@fastify/helmet';
import { handleIdempotencyKeys } from './idempotency/idempotency.hooks.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { createRootLogger, logRequests, PinoNestLogger } from './infra/logging.js';
import { handleShutdownSignals } from './infra/shutdown.js';
import { uuidv7 } from './infra/uuid.js';
import { AppModule, type AppOptions } from './app.module.js';

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The configured application, not yet listening: main.ts listens on a port, tests and the
 * benchmark use it in-process. Everything that must hold in both is set up here.
 */
export async function createApp(
  options: AppOptions,
  run: { handleSignals?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimit,
    logger: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    bufferLogs: true,
    bodyParser: false, // guardJsonBodies is the one body parser
  });
  const logger = createRootLogger(options.config.logLevel, options.logStream);
  app.useLogger(new PinoNestLogger(logger));
  // The server process stops gracefully on SIGTERM/SIGINT; tests and benchmarks call app.close().
  if (run.handleSignals) handleShutdownSignals(app, logger);

  // Fastify's own errors (JSON parsing, body limit) reach ProblemFilter too: Nest installs the
  // Fastify error handler that runs its exception filters.
  const fastify = app.getHttpAdapter().getInstance();
  guardJsonBodies(fastify);
  acceptRawBodies(fastify, { attachment: options.config.attachmentLimit, text: options.config.bodyLimit });
  logRequests(fastify, logger);
  addEtags(fastify);
  app.get(Metrics).observe(fastify);
  await app.register(helmet, {
    // The web page is a built bundle from this origin, without inline scripts; rendered
    // documents (protocol HTML) and Swagger UI carry inline styles.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to the TLS terminator in front; this server may well be reached over http.
    strictTransportSecurity: false,
  });
  // The web app's session cookie (docs/adr/0039); parsed before the idempotency hook and the guard.
  await app.register(fastifyCookie);
  handleIdempotencyKeys(fastify, app.get(Authenticator), app.get(IdempotencyStore));
  fastify.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    return payload;
  });

  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
