import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Start the worker module `name` that sits next to the module at `here` (its import.meta.url):
 * `name.js` when built, `name.ts` when run from source (tsx, Jest). From source the worker
 * registers tsx's loader first, because Node 20 workers do not inherit it.
 */
export function startWorkerModule(here: string, name: string, options: Omit<WorkerOptions, 'eval'>): Worker {
  const fromSource = here.endsWith('.ts');
  const url = JSON.stringify(new URL(`./${name}${fromSource ? '.ts' : '.js'}`, here).href);
  let source = `import(${url});`;
  if (fromSource) {
    const tsx = join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs');
    source = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((t) => { t.register(); return import(${url}); });`;
  }
  return new Worker(source, { ...options, eval: true });
}
