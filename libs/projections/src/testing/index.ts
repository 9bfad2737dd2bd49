export * from './history.js';
export * from './dump.js';
