import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem.js';

/**
 * Deepest nesting of objects and arrays a JSON body may have. The deepest command body
 * (`proposal.decision.proposesTo.items[i]`) is 5 levels; deeper input is never legitimate,
 * and class-transformer recurses once per level (2,000 levels overflowed the stack: a 500).
 */
export const MAX_JSON_DEPTH = 32;
/** Most values (array elements and object members) a JSON body may hold. */
export const MAX_JSON_VALUES = 20_000;

export const bodyProblems = {
  tooDeep: () =>
    new ProblemException({
      status: 400,
      code: 'BODY_TOO_DEEP',
      title: 'Ogiltig begäran',
      detail: `Begärans innehåll är för djupt nästlat (högst ${MAX_JSON_DEPTH} nivåer).`,
      errors: [{ field: 'body', message: `nesting deeper than ${MAX_JSON_DEPTH} levels` }],
    }),
  tooManyValues: () =>
    new ProblemException({
      status: 400,
      code: 'BODY_TOO_MANY_VALUES',
      title: 'Ogiltig begäran',
      detail: `Begärans innehåll har för många värden (högst ${MAX_JSON_VALUES}).`,
      errors: [{ field: 'body', message: `more than ${MAX_JSON_VALUES} values` }],
    }),
};

/**
 * One linear pass over the raw text before it is parsed: the nesting depth and a count of
 * values, skipping string contents. Cheaper than parsing, and nothing recursive ever sees a
 * body that is too deep. Returns the problem, or undefined when the body is within bounds.
 */
export function checkJsonShape(text: string): ProblemException | undefined {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return bodyProblems.tooDeep();
      values++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    else if (c === 0x2c /* , */ && ++values > MAX_JSON_VALUES) return bodyProblems.tooManyValues();
  }
  return undefined;
}

/**
 * The only body parser: `application/json`, bounded in size (Fastify's bodyLimit, 413), depth
 * and number of values (400), with Fastify's own prototype-poisoning protection. Any other
 * content type with a body is 415 (Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE): the API speaks
 * JSON only, and a form post must not be accepted by accident. Nest's own parsers are turned
 * off (`bodyParser: false` in createApp), so this is the one place bodies are read.
 */
export function guardJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      const problem = checkJsonShape(text);
      if (problem) return done(problem);
      parse(request, text, done);
    },
  );
}
