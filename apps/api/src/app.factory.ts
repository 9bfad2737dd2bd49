import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { UPLOAD_PATH } from './attachments/attachments.controller.js';
import { UserDirectory } from './auth/users.js';
import { problems } from './errors/problem.js';
import { addEtags } from './http/etag.js';
import { handleIdempotencyKeys } from './idempotency/idempotency.hooks.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { createRootLogger, logRequests, PinoNestLogger } from './infra/logging.js';
import { uuidv7 } from './infra/uuid.js';
import { AppModule, type AppOptions } from './app.module.js';

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The configured application, not yet listening: main.ts listens on a port, tests and the
 * benchmark use it in-process. Everything that must hold in both is set up here.
 */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
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
  });
  const logger = createRootLogger(options.config.logLevel, options.logStream);
  app.useLogger(new PinoNestLogger(logger));
  app.enableShutdownHooks();

  // Fastify's own errors (JSON parsing, body limit) reach ProblemFilter too: Nest installs the
  // Fastify error handler that runs its exception filters.
  const fastify = app.getHttpAdapter().getInstance();
  // A bilaga's bytes, of any media type that has no parser of its own, on the upload route only
  // and up to their own limit; every other route still answers JSON only.
  const attachmentLimit = options.config.attachmentLimit;
  fastify.addContentTypeParser('*', (request, payload: IncomingMessage, done) => {
    if (request.routeOptions.url !== UPLOAD_PATH) {
      done(problems.unsupportedMediaType(String(request.headers['content-type'] ?? '')), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > attachmentLimit) {
        payload.removeAllListeners('data');
        payload.resume();
        done(problems.payloadTooLarge(attachmentLimit), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (size <= attachmentLimit) done(null, Buffer.concat(chunks));
    });
    payload.on('error', (err) => done(err, undefined));
  });
  logRequests(fastify, logger);
  addEtags(fastify);
  handleIdempotencyKeys(fastify, app.get(UserDirectory), app.get(IdempotencyStore));
  fastify.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    return payload;
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Paragraf API')
      .setDescription(
        'Records how a municipal body reaches its decisions, as events, and renders the protocol. ' +
          'Writes accept `Idempotency-Key` and `If-Match: <revision>`; errors are RFC 9457 problem+json.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
