// See swc-hooks.mjs: runs the API's TypeScript sources in a child process with decorator metadata.
import { register } from 'node:module';

register('./swc-hooks.mjs', import.meta.url);
