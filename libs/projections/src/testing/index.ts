export * from './history.js';
export * from './dump.js';
export * from './commands.js';
export * from './rebuild.js';
