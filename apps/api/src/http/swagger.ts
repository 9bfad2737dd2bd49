import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';

type DtoClass = (new () => object) & { example?: object };

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': {} } });

/** OpenAPI for a write: its body with an example, the headers it honours and its answers. */
export function WriteDocs(summary: string, dto: DtoClass | undefined, created = false): MethodDecorator {
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
    }),
    problem(400, 'a field is malformed (each listed in errors)'),
    problem(401, 'no or unknown bearer token'),
    problem(403, 'the role may not do this, or not for this body'),
    problem(404, 'no such meeting or paragraph'),
    problem(409, 'concurrent change; currentRevision says where the stream is'),
    problem(412, 'If-Match does not match the current revision'),
    problem(413, 'body too large'),
    problem(422, 'a rule refuses it (code, Swedish detail), or Idempotency-Key reused for another request'),
  );
}
