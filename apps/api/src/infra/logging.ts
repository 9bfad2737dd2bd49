import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The process's one pino logger: JSON lines on standard output, or on `stream` (tests).
 * Standard output is written asynchronously (pino's advice for servers): a synchronous write
 * per request line was ≈ 5 % of a command's event-loop time. pino flushes what is buffered when
 * the process exits; a process killed outright may lose its last lines, never an event.
 */
export function createRootLogger(level: string, stream?: DestinationStream): Logger {
  return pino({ level }, stream ?? pino.destination({ dest: 1, sync: false }));
}

/**
 * One JSON line per request, written from Fastify's `onResponse` hook: the request id (the
 * X-Request-Id Fastify assigned), method, URL, status and time. No headers: they carry tokens
 * and cookies. This replaced nestjs-pino's middleware, whose Express-style middleware layer and
 * per-request AsyncLocalStorage cost a quarter of a command's event-loop time (ADR 0014).
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const statusCode = reply.statusCode;
    const line = {
      req: { id: request.id, method: request.method, url: request.url },
      res: { statusCode },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      correlationId: request.headers['x-correlation-id'],
    };
    if (statusCode >= 500) logger.error(line, 'request completed');
    else logger.info(line, 'request completed');
    done();
  });
}

/** Nest's own messages (startup, filters, services) as JSON lines through the same logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const context = rest.length > 1 || (rest.length === 1 && !isStack(rest[0])) ? rest.pop() : undefined;
    const stack = rest.find(isStack);
    const err = message instanceof Error ? message : undefined;
    this.logger.error(
      { context, ...(err ? { err } : {}), ...(stack ? { stack } : {}) },
      err ? err.message : String(message),
    );
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest's last optional argument is the context (the class that logged). */
  private write(
    level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ): void {
    const context = typeof rest[rest.length - 1] === 'string' ? rest[rest.length - 1] : undefined;
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}

function isStack(value: unknown): boolean {
  return typeof value === 'string' && /\n\s+at /.test(value);
}
