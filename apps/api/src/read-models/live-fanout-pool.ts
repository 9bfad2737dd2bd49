/**
 * Where the live stream's fan-out runs (docs/adr/0033, 0056): inline on the API's event loop,
 * or in one or more processes of their own, each handed a share of the viewers' sockets. With
 * several, a batch is written to thousands of sockets on several cores at once.
 *
 * A viewer belongs to one process (its socket is there): replay and kick go to that one; what
 * concerns a meeting (history, frames, hide, drop) and shutdown go to every process, in the same
 * order as before, so each keeps the same copy of a meeting's frames. The processes live and die
 * as one: if one exits, the others are ended too and every viewer reconnects (the hub then has
 * no fan-out with a partial history).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FanOut, type FanOutOptions, type FromFanOut, type ToFanOut } from './live-fanout.js';

export interface FanOutHandle {
  send(message: ToFanOut, socket?: Socket): void;
  stop(): void | Promise<void>;
}

export interface FanOutEvents {
  /** A message from the fan-out; `closed` once every process has ended its streams. */
  message(message: FromFanOut): void;
  /** The processes are gone (one exited): their viewers are gone with them. */
  exited(): void;
}

export function startFanOut(
  options: FanOutOptions & { readonly mode: 'process' | 'inline'; readonly processes: number },
  events: FanOutEvents,
): FanOutHandle {
  const { maxBufferedBytes, heartbeatMs } = options;
  if (options.mode === 'inline') {
    const fanOut = new FanOut({ maxBufferedBytes, heartbeatMs }, (m) => events.message(m));
    return { send: (m, socket) => fanOut.handle(m, socket), stop: () => fanOut.handle({ t: 'close' }) };
  }
  return new FanOutProcesses({ maxBufferedBytes, heartbeatMs }, Math.max(1, options.processes), events);
}

class FanOutProcesses implements FanOutHandle {
  private readonly children: ChildProcess[];
  /** Viewers per process, to hand each new one to the least loaded. */
  private readonly load: number[];
  private readonly owner = new Map<number, number>();
  private closedAnswers = 0;
  private gone = false;

  constructor(
    options: FanOutOptions,
    count: number,
    private readonly events: FanOutEvents,
  ) {
    this.children = Array.from({ length: count }, (_, i) => this.start(options, i));
    this.load = this.children.map(() => 0);
  }

  private start(options: FanOutOptions, index: number): ChildProcess {
    const child = forkFanOut(options);
    child.on('message', (m: FromFanOut) => {
      if (m.t === 'closed') {
        if (++this.closedAnswers === this.children.length) this.events.message(m);
        return;
      }
      if (this.owner.get(m.id) === index) {
        this.owner.delete(m.id);
        this.load[index]--;
      }
      this.events.message(m);
    });
    child.on('exit', () => {
      if (this.gone) return;
      this.gone = true;
      for (const other of this.children) if (other !== child) other.kill();
      this.events.exited();
    });
    child.on('error', () => undefined); // an exit follows
    return child;
  }

  send(message: ToFanOut, socket?: Socket): void {
    if (this.gone) return void socket?.destroy();
    switch (message.t) {
      case 'attach': {
        let index = 0;
        for (let i = 1; i < this.load.length; i++) if (this.load[i] < this.load[index]) index = i;
        this.owner.set(message.id, index);
        this.load[index]++;
        return this.handOver(this.children[index], message, socket);
      }
      case 'replay':
      case 'kick': {
        const index = this.owner.get(message.id);
        if (index !== undefined) this.deliver(this.children[index], message);
        return;
      }
      default:
        for (const child of this.children) this.deliver(child, message);
    }
  }

  private deliver(child: ChildProcess, message: ToFanOut): void {
    if (child.connected) child.send(message);
  }

  /**
   * Handed over as a plain socket, not as one of the HTTP server's: otherwise the server counts
   * it as the child's and its close() waits on the child (and never finishes once the child is
   * gone). This process's socket object is then destroyed: its file descriptor has moved, the
   * connection stays open in the fan-out, and the server's count of connections drops by one.
   */
  private handOver(child: ChildProcess, message: ToFanOut, socket?: Socket): void {
    if (!socket) return this.deliver(child, message);
    if (!child.connected) return void socket.destroy();
    (socket as unknown as { server: unknown }).server = null;
    child.send(message, socket, () => socket.destroy());
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        // It exits by itself once its streams have ended; a moment for that, then for certain.
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill('SIGKILL'), 1_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

/** A fan-out process, from source under tsx or built (dist). */
function forkFanOut(options: FanOutOptions): ChildProcess {
  const here = fileURLToPath(import.meta.url);
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  return fork(join(dirname(here), `live-fanout.process${ext}`), [], {
    execArgv: ext === '.ts' ? ['--import', 'tsx'] : [],
    cwd: join(dirname(here), '../../../..'),
    env: { ...process.env, NODE_OPTIONS: '', PARAGRAF_FANOUT_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
