import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { CommandRunner } from '../commands/command-runner.js';
import { LiveHub } from '../read-models/live-hub.js';

/** A clean stop must finish well within what orchestrators wait before SIGKILL (10 s). */
export const SHUTDOWN_DEADLINE_MS = 9_000;

/**
 * SIGTERM / SIGINT: stop accepting (new requests get 503 and `Connection: close`), end the
 * live streams (clients reconnect, here or elsewhere), let the commands in flight finish,
 * close the stores and threads, flush the log, write one line, exit 0. Nest's own signal
 * handling is not used: it re-raises the signal after closing (exit 143) and waits for open
 * streams forever. Past the deadline the process says so and exits 1.
 */
export function handleShutdownSignals(app: NestFastifyApplication, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const deadline = setTimeout(() => {
      logger.fatal({ signal, ms: Date.now() - started }, 'shutdown did not finish in time; exiting');
      logger.flush(() => process.exit(1));
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    let code = 0;
    // Node closes idle keep-alive connections once, when closing starts; one that finishes its
    // request later would hold the server open until its keep-alive timeout (72 s).
    const server = app.getHttpServer() as Server;
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    try {
      await app.get(LiveHub).closeAll(); // the streams end before the server waits for its connections
      await app.getHttpAdapter().close(); // waits for the requests in flight
      clearInterval(idle);
      await app.get(CommandRunner).drained();
      await app.close(); // stores, idempotency file, projections, writer thread
    } catch (err) {
      clearInterval(idle);
      code = 1;
      logger.error({ err }, 'error during shutdown');
    }
    logger.info({ signal, ms: Date.now() - started, exitCode: code }, 'shut down');
    logger.flush(() => process.exit(code));
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}
