import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the built web app is: PARAGRAF_WEB_DIST, else apps/web/dist under the working folder. */
export function webDistPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PARAGRAF_WEB_DIST || join(process.cwd(), 'apps', 'web', 'dist'));
}

/** Only a browser navigating gets the app; API clients keep their JSON 404. */
function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

/**
 * Serves the clerk's web app (apps/web/dist) at `/`. Files are registered one route each
 * (`wildcard: false`), and the SPA fallback is a `/*` route: Fastify's router always prefers a
 * static or parametric route to a wildcard, so no API route, /docs or /health is shadowed.
 */
@Injectable()
export class WebAppServer implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const root = webDistPath();
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      this.logger.warn(`No web app at ${root} (run "npm run build:web"); serving the API only.`);
      return;
    }
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    // Swagger's UI registers @fastify/static too; a second decoration of reply would throw.
    void fastify.register(fastifyStatic, {
      root,
      wildcard: false,
      decorateReply: false,
      index: 'index.html',
    });
    const html = readFileSync(index, 'utf8');
    fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (!wantsHtml(request)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    });
  }
}

@Module({ providers: [WebAppServer] })
export class WebModule {}
