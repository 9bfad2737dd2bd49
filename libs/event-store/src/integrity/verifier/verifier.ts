import type { StoredEvent } from '../../port.js';
import { contentHash, storedHash, storedPrev } from '../hash.js';
import {
  type BreakKind,
  type Entry,
  type IntegrityBreak,
  MAX_BREAKS,
  SEAL_EVENT,
  SEAL_STREAM,
  type SealData,
  type StreamState,
  TIMESTAMP_SKEW_MS,
  type VerifiableEvent,
  type VerifyReport,
  ZERO_ROOT,
  contentGives,
  dataOf,
  headsOf,
  positionOf,
  rootOver,
} from './records.js';

/**
 * Recomputes every stream's chain and every seal from events fed in $all order. Incremental:
 * feed more events later and ask for a new report. Pure: no I/O, no clock.
 */
export class Verifier {
  private readonly streams = new Map<string, StreamState>();
  /** Entries after the last seal's `upTo`, in $all order. */
  private segment: Entry[] = [];
  private lastSeal: { upTo: bigint; root: string; revision: number } | null = null;
  private sealCount = 0;
  /** Set at the first chained event: from then on every event must be chained (docs/adr/0024). */
  private chainingBegan = false;
  private lastCreated: number | null = null;
  private readonly found: IntegrityBreak[] = [];
  private readonly keys = new Set<string>();
  private omitted = 0;
  private checked = 0;
  private legacy = 0;
  private last: StoredEvent['position'] | null = null;

  /** Position of the last event fed (read from after it next time). */
  get position(): StoredEvent['position'] | null {
    return this.last;
  }

  private report(
    streamId: string,
    revision: number | null,
    position: string | null,
    kind: BreakKind,
    detail: string,
  ) {
    const key = `${streamId}\u0000${revision}\u0000${kind}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    if (this.found.length >= MAX_BREAKS) this.omitted++;
    else this.found.push({ streamId, revision, position, kind, detail });
  }

  feed(e: VerifiableEvent): void {
    this.last = e.position;
    if (e.streamId.startsWith('$')) return; // EventStoreDB's own streams
    this.checked++;
    const pos = positionOf(e);
    const rev = Number(e.revision);
    let s = this.streams.get(e.streamId);
    if (!s) {
      s = { next: 0, head: null, before: null, lastAt: null, gaps: null, unresolved: null };
      this.streams.set(e.streamId, s);
    }

    const created = e.created.getTime();
    if (this.lastCreated !== null && created < this.lastCreated - TIMESTAMP_SKEW_MS) {
      this.report(
        e.streamId,
        rev,
        pos,
        'timestamp',
        `Lagringstiden ${e.created.toISOString()} ligger före tidigare händelser.`,
      );
    }
    if (this.lastCreated === null || created > this.lastCreated) this.lastCreated = created;

    const stored = storedHash(e);
    const prev = storedPrev(e);
    let hash: string;
    let legacy = false;
    if (stored === undefined) {
      if (this.chainingBegan) {
        this.report(
          e.streamId,
          rev,
          pos,
          'changed',
          'Händelsen saknar kontrollsumma fast den skrevs efter att kedjningen började.',
        );
      }
      hash = contentHash({ ...e, data: dataOf(e) ?? {} }, s.head);
      legacy = true;
      this.legacy++;
    } else {
      this.chainingBegan = true;
      if (!contentGives(e, prev ?? null, stored)) {
        this.report(e.streamId, rev, pos, 'changed', 'Innehållet stämmer inte med händelsens kontrollsumma.');
      }
      hash = stored;
    }

    if (rev === s.next) {
      let linked = legacy;
      if (!legacy && s.unresolved) {
        const i = s.unresolved.findIndex((u) => u.prev === stored);
        if (i >= 0) {
          // An earlier event linked to this one: the two are stored in swapped order.
          const u = s.unresolved.splice(i, 1)[0];
          this.report(
            e.streamId,
            u.revision,
            u.position,
            'reordered',
            `Revision ${u.revision} och ${rev} ligger i omvänd ordning mot kedjan.`,
          );
          this.report(
            e.streamId,
            rev,
            pos,
            'reordered',
            `Revision ${u.revision} och ${rev} ligger i omvänd ordning mot kedjan.`,
          );
          s.before = hash;
          s.head = u.hash;
          s.next = rev + 1;
          linked = true;
          this.afterEvent(e, s, rev, pos, hash, legacy);
          return;
        }
      }
      if (!linked && prev !== s.head) {
        if (rev > 0 && prev === s.before) {
          this.report(
            e.streamId,
            rev - 1,
            null,
            'inserted',
            `Revision ${rev - 1} finns inte i kedjan: den är inlagd i efterhand.`,
          );
        } else {
          (s.unresolved ??= []).push({ revision: rev, prev, hash, position: pos });
        }
      }
      s.before = s.head;
      s.head = hash;
      s.next = rev + 1;
    } else if (rev > s.next) {
      s.gaps ??= new Map();
      for (let r = s.next; r < rev; r++) s.gaps.set(r, { succPrev: undefined });
      s.gaps.set(rev - 1, { succPrev: prev, succHash: hash });
      s.before = null;
      s.head = hash;
      s.next = rev + 1;
    } else {
      const gap = s.gaps?.get(rev);
      s.gaps?.delete(rev);
      if (gap && gap.succHash !== undefined && prev === gap.succHash) {
        // It links to the event stored as its successor: the two were swapped.
        this.report(
          e.streamId,
          rev,
          pos,
          'reordered',
          `Revision ${rev} och ${rev + 1} ligger i omvänd ordning mot kedjan.`,
        );
        this.report(
          e.streamId,
          rev + 1,
          null,
          'reordered',
          `Revision ${rev} och ${rev + 1} ligger i omvänd ordning mot kedjan.`,
        );
        if (s.next === rev + 2) {
          s.before = gap.succHash;
          s.head = hash;
        }
      } else if (gap && gap.succPrev !== undefined && gap.succPrev !== hash) {
        this.report(
          e.streamId,
          rev,
          pos,
          'inserted',
          `Revision ${rev} hör inte till kedjan: den är inlagd i efterhand.`,
        );
      } else {
        this.report(e.streamId, rev, pos, 'reordered', `Revision ${rev} är lagrad efter senare revisioner.`);
      }
    }
    this.afterEvent(e, s, rev, pos, hash, legacy);
  }

  private afterEvent(
    e: VerifiableEvent,
    s: StreamState,
    rev: number,
    pos: string,
    hash: string,
    legacy: boolean,
  ) {
    const at = typeof e.metadata.recordedAt === 'string' ? Date.parse(e.metadata.recordedAt) : NaN;
    if (!Number.isNaN(at)) {
      if (s.lastAt !== null && at < s.lastAt - TIMESTAMP_SKEW_MS) {
        this.report(
          e.streamId,
          rev,
          pos,
          'timestamp',
          `Registrerad ${String(e.metadata.recordedAt)}, före strömmens tidigare händelser.`,
        );
      }
      if (s.lastAt === null || at > s.lastAt) s.lastAt = at;
    }
    this.segment.push({ position: e.position.commit, streamId: e.streamId, revision: rev, hash, legacy });
    if (e.streamId === SEAL_STREAM && e.type === SEAL_EVENT)
      this.checkSeal((dataOf(e) ?? {}) as SealData, rev, pos);
  }

  private checkSeal(seal: SealData, revision: number, pos: string): void {
    this.sealCount++;
    let upTo: bigint;
    try {
      upTo = BigInt(seal.upTo);
    } catch {
      this.report(SEAL_STREAM, revision, pos, 'seal', 'Förseglingen saknar giltig position.');
      return;
    }
    const expectedPrevious = this.lastSeal?.root ?? ZERO_ROOT;
    if (seal.previousRoot !== expectedPrevious) {
      this.report(SEAL_STREAM, revision, pos, 'seal', 'Förseglingen följer inte på föregående försegling.');
    }
    let n = 0;
    while (n < this.segment.length && this.segment[n].position <= upTo) n++;
    const covered = this.segment.slice(0, n);
    const root = rootOver(seal.previousRoot, covered);
    if (root !== seal.root || covered.length !== seal.count) {
      this.report(
        SEAL_STREAM,
        revision,
        pos,
        'seal',
        `Förseglingen till position ${seal.upTo} stämmer inte: ${covered.length} händelser finns, ${seal.count} förseglades.`,
      );
    }
    const heads = headsOf(covered);
    for (const [streamId, [rev, hash]] of Object.entries(seal.heads ?? {})) {
      const actual = heads.get(streamId);
      if (!actual || actual[0] < rev) {
        this.report(
          streamId,
          rev,
          null,
          'missing',
          `Revision ${rev} förseglades (position ${seal.upTo}) men finns inte längre.`,
        );
      } else if (actual[0] > rev) {
        this.report(
          streamId,
          actual[0],
          null,
          'inserted',
          `Revision ${actual[0]} fanns inte när förseglingen till position ${seal.upTo} gjordes.`,
        );
      } else if (actual[1] !== hash) {
        this.report(
          streamId,
          rev,
          null,
          'changed',
          `Strömmen är omskriven: revision ${rev} stämmer inte med förseglingen till position ${seal.upTo}.`,
        );
      }
    }
    for (const [streamId, [rev]] of heads) {
      if (!(streamId in (seal.heads ?? {}))) {
        this.report(
          streamId,
          rev,
          null,
          'inserted',
          `Strömmen fanns inte när förseglingen till position ${seal.upTo} gjordes.`,
        );
      }
    }
    if (!seal.genesis) {
      for (const entry of covered) {
        if (entry.legacy) {
          this.report(
            entry.streamId,
            entry.revision,
            entry.position.toString(),
            'changed',
            'Händelsen saknar kontrollsumma men täcks inte av en genesis-försegling.',
          );
        }
      }
    }
    this.lastSeal = { upTo, root: seal.root, revision };
    this.segment = this.segment.slice(n);
  }

  /** What verification has found so far; events fed later can resolve or add to it. */
  result(): VerifyReport {
    const extra: IntegrityBreak[] = [];
    for (const [streamId, s] of this.streams) {
      for (const [rev] of s.gaps ?? []) {
        extra.push({
          streamId,
          revision: rev,
          position: null,
          kind: 'missing',
          detail: `Revision ${rev} saknas.`,
        });
      }
      for (const u of s.unresolved ?? []) {
        extra.push({
          streamId,
          revision: u.revision - 1,
          position: null,
          kind: 'changed',
          detail: `Revision ${u.revision} pekar inte på revision ${u.revision - 1}: den är ändrad och omräknad, eller en händelse saknas.`,
        });
      }
    }
    const unsealedLegacy = this.segment.filter((e) => e.legacy);
    if (unsealedLegacy.length > 0) {
      const first = new Map<string, Entry>();
      for (const e of unsealedLegacy) if (!first.has(e.streamId)) first.set(e.streamId, e);
      for (const e of first.values()) {
        extra.push({
          streamId: e.streamId,
          revision: e.revision,
          position: e.position.toString(),
          kind: 'unsealed',
          detail: 'Händelser från före kedjningen som ingen genesis-försegling täcker ännu.',
        });
      }
    }
    const breaks = [
      ...this.found,
      ...extra.filter((b) => !this.keys.has(`${b.streamId}\u0000${b.revision}\u0000${b.kind}`)),
    ];
    return {
      ok: breaks.length === 0 && this.omitted === 0,
      checkedEvents: this.checked,
      streams: this.streams.size,
      seals: this.sealCount,
      lastSeal: this.lastSeal
        ? { upTo: this.lastSeal.upTo.toString(), root: this.lastSeal.root, revision: this.lastSeal.revision }
        : null,
      lastPosition: this.last ? this.last.commit.toString() : null,
      unsealedEvents: this.segment.length,
      legacyEvents: this.legacy,
      breaks,
      breaksOmitted: this.omitted,
    };
  }

  /**
   * The next seal over the events read so far (at most `maxEvents`), with what appending it
   * needs; null when nothing but seals has been written since the last one.
   */
  draftSeal(
    reason: string,
    sealedAt: string,
    maxEvents: number,
  ): { data: SealData; expectedRevision: bigint | 'no_stream'; prev: string | null } | null {
    if (!this.segment.some((e) => e.streamId !== SEAL_STREAM)) return null;
    const covered = this.segment.slice(0, maxEvents);
    const previousRoot = this.lastSeal?.root ?? ZERO_ROOT;
    const heads: Record<string, [number, string]> = {};
    for (const [streamId, head] of headsOf(covered)) heads[streamId] = head;
    const seals = this.streams.get(SEAL_STREAM);
    return {
      data: {
        upTo: covered[covered.length - 1].position.toString(),
        from: this.lastSeal ? this.lastSeal.upTo.toString() : null,
        count: covered.length,
        previousRoot,
        root: rootOver(previousRoot, covered),
        heads,
        genesis: covered.some((e) => e.legacy),
        reason,
        sealedAt,
      },
      expectedRevision: seals && seals.next > 0 ? BigInt(seals.next - 1) : 'no_stream',
      prev: seals?.head ?? null,
    };
  }
}
