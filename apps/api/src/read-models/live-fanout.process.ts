/**
 * The fan-out process (docs/adr/0033): forked by the API's LiveHub, fed over IPC with viewers'
 * sockets and the committed batches' public frames; writes them to the viewers. Only Node
 * built-ins and live-fanout.ts are loaded here.
 */
import type { Socket } from 'node:net';
import { FanOut, type FanOutOptions, type ToFanOut } from './live-fanout.js';

const options = JSON.parse(process.env.PARAGRAF_FANOUT_OPTIONS ?? '{}') as FanOutOptions;
const fanOut = new FanOut(options, (message) => {
  if (process.connected) process.send!(message);
  // After shutdown has ended every stream, nothing is left to do here.
  if (message.t === 'closed') setTimeout(() => process.exit(0), 200).unref();
});
process.on('message', (message: ToFanOut, socket?: Socket) => fanOut.handle(message, socket));
// The API process is gone (crash or kill): the streams end with it; viewers reconnect.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => undefined); // the API process ends this one, after the streams (shutdown)
process.on('SIGINT', () => undefined);
