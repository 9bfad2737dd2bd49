// Module hooks that compile TypeScript with swc, decorator metadata included (tsx's esbuild emits
// none, and Nest's dependency injection needs it). Resolution stays tsx's (`.js` → `.ts`,
// `@app/*`), so start a process with: node --import tsx --import ./scripts/support/swc-register.mjs
import { readFile } from 'node:fs/promises';
import { fileURLToPath, URL } from 'node:url';
import swc from '@swc/core';

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\.ts$/.test(new URL(url).pathname) || url.includes('/node_modules/')) {
    return nextLoad(url, context);
  }
  const path = fileURLToPath(url);
  const { code } = await swc.transform(await readFile(path, 'utf8'), {
    filename: path,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
