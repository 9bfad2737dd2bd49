import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker's options: never `eval` (every worker is a module of its own, ADR 0048). */
export type WorkerModuleOptions = Omit<WorkerOptions, 'eval'>;

/**
 * Start the worker module `name` (e.g. `'read-ahead.worker'`) that sits next to the module at
 * `here` (its import.meta.url). This is the one way the project starts a thread (ADR 0048).
 *
 * Built (dist/), `name.js` runs as it is. From source (tsx, Jest) the thread starts in
 * `worker-bootstrap.mjs`, which registers tsx's loader and then imports `name.ts`: Node 20
 * workers do not inherit the parent's loader. The module's URL travels as the thread's last
 * `argv`, so `workerData` stays the worker's own.
 */
export function startWorker(here: string, name: string, options: WorkerModuleOptions = {}): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options);
  const module = new URL(`./${name}.ts`, here).href;
  return new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
    ...options,
    argv: [...(options.argv ?? []), module],
  });
}
