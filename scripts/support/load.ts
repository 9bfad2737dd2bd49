/** Load for the live benchmark and the soak: a meeting with open paragraphs, writers, viewers. */
import http from 'node:http';
import net from 'node:net';
import type { ServerProcess } from './server.js';

export type Answer = { status: number; body: Record<string, unknown> };

export class LoadClient {
  readonly agent: http.Agent;

  constructor(
    private readonly server: ServerProcess,
    writers: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: writers * 2 });
  }

  post(path: string, body: object): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = http.request(
        `${this.server.baseUrl}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.server.token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(data),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }

  async must(path: string, body: object): Promise<Record<string, unknown>> {
    const res = await this.post(path, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A scheduled, opened meeting with `paragraphs` open paragraphs (bodies: one per `body`). */
  async meeting(paragraphs: number, body = 'bench'): Promise<{ meetingId: string; paragraphs: string[] }> {
    const { meetingId } = (await this.must('/meetings', {
      body: { id: body, name: `Utskott ${body}`, shortName: body.slice(0, 6).toUpperCase() },
      date: '2026-01-15',
      startTime: '09:00',
      place: 'Stadshuset',
      chair: 'm-0',
      secretary: { name: 'Sekreterare' },
      members: MEMBERS,
    })) as { meetingId: string };
    await this.must(`/meetings/${meetingId}/attendance`, {
      present: MEMBERS.map((m) => m.memberId),
      absent: [],
      servingSubstitutes: [],
    });
    await this.must(`/meetings/${meetingId}/open`, { at: '2026-01-15T09:00:00+01:00' });
    const ids: string[] = [];
    for (let i = 0; i < paragraphs; i++) {
      const { paragraphId } = (await this.must(`/meetings/${meetingId}/paragraphs`, {
        caseNumber: `${body.slice(0, 6).toUpperCase()} 2026-${i + 1}`,
        title: `Ärende ${i + 1}`,
        summary: ['Sammanfattning.'],
        basisDocuments: ['Tjänsteutlåtande'],
        proposal: {
          proposer: 'förvaltningen',
          document: 'tjänsteutlåtande',
          decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna.'] } },
        },
      })) as { paragraphId: string };
      ids.push(paragraphId);
    }
    // Viewers can connect once the meeting is in the read model.
    for (let i = 0; ; i++) {
      const probe = await this.view(meetingId);
      probe.req.destroy();
      if (probe.status === 200) break;
      if (i > 600) throw new Error(`live stream answered ${probe.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { meetingId, paragraphs: ids };
  }

  /** The text of a public URL (metrics). */
  async text(path: string): Promise<string> {
    return (await fetch(`${this.server.baseUrl}${path}`)).text();
  }

  /** One yrkande; returns the time from request to answer, in ms. */
  async motion(paragraphId: string, writer: number, text: string): Promise<number> {
    const t0 = performance.now();
    const res = await this.post(`/paragraphs/${paragraphId}/motions`, {
      proposerId: `m-${1 + (writer % 8)}`,
      kind: 'fritt',
      text,
    });
    if (res.status !== 201) throw new Error(`motion: ${res.status} ${JSON.stringify(res.body)}`);
    return performance.now() - t0;
  }

  /** A viewer of the live stream; `onChunk` sees what arrives (default: only counted). */
  view(
    meetingId: string,
    lastEventId?: string,
    onChunk?: (chunk: string, v: Viewer) => void,
  ): Promise<Viewer> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        `${this.server.baseUrl}/meetings/${meetingId}/live`,
        {
          headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        },
        (res) => {
          v.status = res.statusCode ?? 0;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            v.chunks++;
            onChunk?.(chunk, v);
          });
          res.on('error', () => {});
          resolve(v);
        },
      );
      const v: Viewer = { req, chunks: 0, status: 0, lastId: lastEventId };
      req.on('error', reject);
    });
  }

  /**
   * A viewer that only reads: a raw socket that sends the GET and counts what arrives, with no
   * HTTP parsing or decoding on this side. The benchmark runs 5,000 of them on the same two
   * cores as the server: what they cost here is CPU the server does not get, which no real
   * viewer (each on a device of their own) takes from it.
   */
  viewRaw(meetingId: string, lastEventId?: string): Promise<Viewer> {
    const { hostname, port } = new URL(this.server.baseUrl);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname);
      const v: Viewer = { req: socket, chunks: 0, status: 0, lastId: lastEventId };
      socket.once('error', reject);
      socket.on('connect', () => {
        socket.write(
          `GET /meetings/${meetingId}/live HTTP/1.1\r\nhost: ${hostname}:${port}\r\naccept: text/event-stream\r\n` +
            (lastEventId ? `last-event-id: ${lastEventId}\r\n` : '') +
            '\r\n',
        );
      });
      socket.on('data', (chunk: Buffer) => {
        v.chunks++;
        if (v.status === 0) {
          // "HTTP/1.1 200 OK": the status is in the first line of the first chunk.
          v.status = Number(chunk.toString('latin1', 9, 12));
          socket.removeListener('error', reject);
          socket.on('error', () => {});
          resolve(v);
        }
      });
    });
  }
}

export interface Viewer {
  /** What to destroy to close the viewer's connection. */
  req: { destroy(): void };
  chunks: number;
  status: number;
  lastId?: string;
}

const MEMBERS = Array.from({ length: 9 }, (_, i) => ({
  memberId: `m-${i}`,
  name: `Ledamot ${i}`,
  party: ['S', 'M', 'C', 'L', 'V'][i % 5],
  role: 'ledamot',
}));

export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
