export * from './hash.js';
export * from './verifier.js';
export * from './sealer.js';
