// The first module of a worker thread started from source (tsx, Jest): see worker-module.ts.
// Node 20 workers do not inherit the parent's loader, so the thread registers tsx's own
// (TypeScript, tsconfig paths) and then imports the worker module given as its last argument.
// Built code (dist/) never comes here: its workers are plain .js modules.
import { argv } from 'node:process';
import { register } from 'tsx/esm/api';

register();
await import(argv[argv.length - 1]);
