import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import type { ContentObject, HeadersObject, SchemaObject } from '@nestjs/swagger';
import { RESPONSE_SCHEMAS, schemaRef, type SchemaName } from './openapi-schemas.js';

/*
 * How the OpenAPI document stays valid and complete (docs/adr/0042): every route states its
 * answers through `WriteDocs` or `ReadDocs` (a schema by name from openapi-schemas.ts, the media
 * types it renders, the query parameters it reads, the problems it may answer); the document is
 * built by `openApiDocument`, and test/api/openapi.e2e-spec.ts lints it with Redocly's
 * recommended rules and compiles a client generated from it.
 */

type DtoClass = (new () => object) & { example?: object };

/** Media types a route may answer besides JSON, each with how its bytes are described. */
export const MEDIA = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  csv: 'text/csv',
  eventStream: 'text/event-stream',
} as const;
type Media = (typeof MEDIA)[keyof typeof MEDIA] | 'application/octet-stream';

const PROBLEM_TEXT: Readonly<Record<number, string>> = {
  400: 'a field or parameter is malformed (each listed in errors)',
  401: 'no or unknown bearer token',
  403: 'the role may not do this, or not for this body',
  404: 'no such meeting, paragraph or resource',
  406: 'none of the media types in Accept is offered',
  409: 'concurrent change; currentRevision says where the stream is',
  412: 'If-Match does not match the current revision',
  413: 'body too large',
  415: 'the body’s media type is not accepted here',
  422: 'a rule refuses it (code, Swedish detail), or Idempotency-Key reused for another request',
  429: 'too many failed sign-ins from this address (Retry-After)',
  503: 'the server is at capacity or not ready (Retry-After)',
};

/** Every error answer: the one problem+json schema. */
export const Problems = (...statuses: number[]): MethodDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_TEXT[status] ?? 'see the problem',
        content: { 'application/problem+json': { schema: schemaRef('Problem') } },
      }),
    ),
  );

const ETAG: HeadersObject = {
  ETag: {
    description: 'the stream’s revision (send it back as If-Match), or a document’s SHA-256; quoted',
    schema: { type: 'string' },
  },
};

const bodyOf = (media: Media): SchemaObject =>
  media === MEDIA.pdf || media === 'application/octet-stream'
    ? { type: 'string', format: 'binary' }
    : { type: 'string' };

/** A query parameter a read route honours. */
export interface QueryParam {
  readonly name: string;
  readonly description: string;
  readonly schema?: SchemaObject;
  readonly required?: boolean;
}

/** `?format=` and `?download=` of the rendered documents. */
export const formatQuery = (media: readonly Media[], json = false): QueryParam[] => {
  const names: Record<string, string> = {
    [MEDIA.pdf]: 'pdf',
    [MEDIA.html]: 'html',
    [MEDIA.text]: 'text',
    [MEDIA.markdown]: 'markdown',
  };
  const formats = [...media.map((m) => names[m]).filter((f): f is string => !!f), ...(json ? ['json'] : [])];
  return [
    {
      name: 'format',
      description: 'the format, for links a browser follows (otherwise Accept decides)',
      schema: { type: 'string', enum: formats },
    },
    {
      name: 'download',
      description: '`1`: serve the PDF as an attachment (Content-Disposition) to save',
      schema: { type: 'string', enum: ['1', '0', 'true', 'false'] },
    },
  ];
};

export interface ReadOptions {
  readonly summary: string;
  readonly description?: string;
  /** The JSON answer's schema; absent when the route answers no JSON. */
  readonly json?: SchemaName;
  /** The other media types it answers (Accept or `?format=`). */
  readonly media?: readonly Media[];
  /** A public record: no token needed. */
  readonly public?: boolean;
  readonly status?: 200 | 201 | 302;
  /** Problems beyond the token's (401, 403 are added unless public). */
  readonly problems?: readonly number[];
  readonly query?: readonly QueryParam[];
  /** The answer carries an ETag (the revision, or the document's hash). */
  readonly etag?: boolean;
  /** Its own response headers. */
  readonly headers?: HeadersObject;
  readonly responseDescription?: string;
}

/** OpenAPI for a read (and for writes outside the command path): its answer, parameters, problems. */
export function ReadDocs(o: ReadOptions): MethodDecorator {
  const content: ContentObject = {};
  if (o.json) content['application/json'] = { schema: schemaRef(o.json) };
  for (const media of o.media ?? []) content[media] = { schema: bodyOf(media) };
  return applyDecorators(
    ApiOperation({ summary: o.summary, ...(o.description ? { description: o.description } : {}) }),
    ...(o.public ? [] : [ApiBearerAuth()]),
    ...(o.query ?? []).map((q) =>
      ApiQuery({
        name: q.name,
        required: q.required ?? false,
        description: q.description,
        schema: q.schema ?? { type: 'string' },
      }),
    ),
    ApiResponse({
      status: o.status ?? 200,
      description: o.responseDescription ?? 'the answer',
      content,
      ...(o.etag || o.headers ? { headers: { ...(o.etag ? ETAG : {}), ...o.headers } } : {}),
    }),
    Problems(...(o.public ? [] : [401, 403]), ...(o.problems ?? [])),
  );
}

/** OpenAPI for a write: its body with an example, the headers it honours and its answers. */
export function WriteDocs(
  summary: string,
  dto: DtoClass | undefined,
  created = false,
  answer: SchemaName = 'WriteResult',
): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiBearerAuth(),
    ...(dto
      ? [ApiBody({ type: dto, examples: dto.example ? { example: { value: dto.example } } : undefined })]
      : []),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a retry with the same key writes nothing new',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'the revision the client last saw' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiResponse({
      status: created ? 201 : 200,
      description: 'recorded; body has the new revision (also as ETag)',
      content: { 'application/json': { schema: schemaRef(answer) } },
      headers: ETAG,
    }),
    Problems(400, 401, 403, 404, 409, 412, 413, 422),
  );
}

/**
 * The API's OpenAPI document, built from the application's routes without a listening server:
 * the response schemas are added, routes that declare no token are public (`security: []`).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Paragraf API')
      .setDescription(
        'Records how a municipal body reaches its decisions, as events, and renders the protocol. ' +
          'Writes accept `Idempotency-Key` and `If-Match: <revision>`; errors are RFC 9457 problem+json.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'this server')
      // Tokens are opaque random strings looked up by their SHA-256 (docs/adr/0008), not JWTs.
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description: 'an opaque token from the users file (or a session from sign-in)',
      })
      .build(),
  );
  // DocumentBuilder fills in `bearerFormat: 'JWT'` unless told otherwise; these are no JWTs.
  const bearer = document.components?.securitySchemes?.bearer;
  if (bearer && 'bearerFormat' in bearer) delete bearer.bearerFormat;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...RESPONSE_SCHEMAS },
  };
  // /me lives in the auth module, which states no response schema of its own.
  const me = document.paths['/me']?.get;
  if (me) {
    me.responses['200'] = {
      description: 'the signed-in user',
      content: { 'application/json': { schema: schemaRef('Me') } },
    };
    Object.assign(me.responses, problemResponses(401));
  }
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}

function problemResponses(...statuses: number[]): Record<string, object> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: PROBLEM_TEXT[status],
        content: { 'application/problem+json': { schema: schemaRef('Problem') } },
      },
    ]),
  );
}

/** The query parameters shared by the read routes (parsed in read-models/query-params.ts). */
export const QUERY = {
  body: {
    name: 'body',
    description: 'a body’s id, e.g. `ks-au`',
    schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
  },
  year: { name: 'year', description: 'a year, e.g. 2024', schema: { type: 'string', pattern: '^\\d{4}$' } },
  today: {
    name: 'today',
    description: 'YYYY-MM-DD; default the date in Sweden now',
    schema: { type: 'string', format: 'date' },
  },
} satisfies Record<string, QueryParam>;
