import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { toProblem } from './to-problem.js';

/** The single place that turns errors into `application/problem+json`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(err, this.config.bodyLimit);
    if (problem.status >= 500)
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    if (problem.status === 401) void reply.header('www-authenticate', 'Bearer realm="paragraf"');
    const retryAfter = problem.problem.retryAfter;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    sendProblem(reply, problem.body(request?.url));
  }
}

export function sendProblem(reply: FastifyReply, body: { status: number }): void {
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}
