import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./writer-process.ts', import.meta.url));

/** Starts writer-process.ts under tsx; `lines` collects complete stdout lines as they arrive. */
export function spawnWriter(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  exited: Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<void>((resolve) =>
    child.on('close', (code, signal) => {
      if (code && code !== 0) process.stderr.write(`writer exited ${code} ${signal}: ${stderr}\n`);
      resolve();
    }),
  );
  return { child, lines, exited };
}
