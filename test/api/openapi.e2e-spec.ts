/**
 * The OpenAPI document (docs/adr/0042): built from the application without a listening server,
 * linted with Redocly's recommended rules (0 errors), complete (every answer has a schema, every
 * error the problem schema), and good enough to type a client: openapi-typescript generates one
 * and the README's example calls compile against it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { openApiDocument } from '../../apps/api/src/http/swagger.js';
import { startApi, type TestApi } from './support/harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  readonly path: string;
  readonly method: string;
  readonly security?: unknown[];
  readonly responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: object }>;
  readonly parameters?: { name: string; in: string }[];
}

function operations(doc: OpenAPIObject): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map(
      (method) => ({ path, method, ...(item[method] as object) }) as Operation,
    ),
  );
}

/** Compile `files` (name → source) with the project's strictness; the diagnostics as text. */
function compile(dir: string, files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files).map((f) => join(dir, f)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      skipLibCheck: true,
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenAPIObject;
  let dir: string;

  beforeAll(async () => {
    api = await startApi();
    doc = openApiDocument(api.app);
    dir = mkdtempSync(join(tmpdir(), 'paragraf-openapi-'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes redocly lint with the recommended rules (0 errors)', () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = join(
      dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
      'bin',
      'cli.js',
    );
    const run = spawnSync(
      process.execPath,
      [cli, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(run.status).toBe(0);
  });

  it('has no dangling schema references', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    const schemas = doc.components?.schemas ?? {};
    const dangling = refs
      .map((r) => r.slice(8, -1))
      .filter((r) => !schemas[r.replace('#/components/schemas/', '')]);
    expect(dangling).toEqual([]);
  });

  it('describes every answer: a schema for each success, the problem schema for each error', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(60);
    const missing: string[] = [];
    for (const op of ops) {
      const name = `${op.method.toUpperCase()} ${op.path}`;
      const ok = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
      // The sign-in redirects (docs/adr/0039) answer a browser with 302 and nothing else.
      const redirects = Object.keys(op.responses).filter((st) => st === '302');
      if (ok.length === 0 && redirects.length === 0) missing.push(`${name}: no 2xx`);
      for (const [status, r] of ok) {
        const types = Object.entries(r.content ?? {});
        if (types.length === 0 || types.some(([, m]) => !m.schema))
          missing.push(`${name} ${status}: no schema`);
      }
      // Terminus answers a failed health check with its own report (the Health schema), not a problem.
      const errors = Object.entries(op.responses).filter(
        ([s]) => /^[45]/.test(s) && !op.path.startsWith('/health'),
      );
      for (const [status, r] of errors) {
        if (
          JSON.stringify(r.content) !==
          JSON.stringify({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } })
        ) {
          missing.push(`${name} ${status}: not the problem schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares the media types, query parameters, ETag and which routes are public', () => {
    const op = (path: string, method = 'get') =>
      operations(doc).find((o) => o.path === path && o.method === method)!;
    const media = (o: Operation) => Object.keys(o.responses['200']?.content ?? {});
    expect(media(op('/meetings/{meetingId}/protocol'))).toEqual(
      expect.arrayContaining(['text/html', 'text/markdown', 'text/plain', 'application/pdf']),
    );
    expect(media(op('/register'))).toEqual(['application/json', 'text/csv']);
    expect(media(op('/meetings/{meetingId}/live'))).toEqual(['text/event-stream']);
    const query = (o: Operation) => (o.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query(op('/register'))).toEqual(
      expect.arrayContaining([
        'body',
        'year',
        'dnr',
        'status',
        'today',
        'limit',
        'offset',
        'format',
        'separator',
      ]),
    );
    expect(query(op('/audit/changes'))).toEqual(['from', 'to', 'limit']);
    expect(query(op('/audit/meetings/{meetingId}/protocol'))).toEqual(['asOf']);
    expect(Object.keys(op('/meetings', 'post').responses['201']?.headers ?? {})).toEqual(['ETag']);

    const publicRoutes = operations(doc)
      .filter((o) => o.security?.length === 0)
      .map((o) => `${o.method.toUpperCase()} ${o.path}`)
      .sort();
    // The public records and probes (routes added later may join them: the auth module's sign-in).
    expect(publicRoutes).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /health/live',
        'GET /health/ready',
        'GET /meetings/{meetingId}/live',
        'GET /meetings/{meetingId}/paragraphs/{paragraphId}/extract',
        'GET /metrics',
        'GET /protocols/{meetingId}',
        'GET /protocols/{meetingId}/voting-appendix',
        'GET /verify',
        'POST /verify',
      ]),
    );
    // Every command, every auditor's and every clerk's route needs a token.
    const needsToken = operations(doc).filter((o) =>
      /^\/(paragraphs|audit|register|worklist|statistics)/.test(o.path),
    );
    expect(needsToken.length).toBeGreaterThan(25);
    expect(needsToken.filter((o) => o.security?.length === 0).map((o) => o.path)).toEqual([]);
    expect(operations(doc).every((o) => Array.isArray(o.security))).toBe(true);
    expect(doc.components?.securitySchemes?.bearer).not.toHaveProperty('bearerFormat');
  });

  it("generates a typed client with openapi-typescript that compiles the README's example calls", async () => {
    const client = astToString(await openapiTS(doc as never));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const marker = readme.indexOf('<!-- openapi-client-example');
    expect(marker).toBeGreaterThan(0);
    const example = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker))![1]!;
    expect(example).toContain("from './paragraf-api'");

    const files = {
      'paragraf-api.d.ts': client,
      'example.ts': example.replace("'./paragraf-api'", "'./paragraf-api.js'"),
    };
    expect(compile(dir, files)).toEqual([]);

    // The same check fails on a field the API does not answer: nested types are real, not `any`
    // or the whole schema map.
    const wrong = example
      .replace('p.title ??', 'p.titel ??')
      .replace("'./paragraf-api'", "'./paragraf-api.js'");
    expect(wrong).not.toBe(example);
    expect(compile(dir, { 'paragraf-api.d.ts': client, 'example.ts': wrong }).join('\n')).toMatch(/titel/);
  });
});
