import type { StoredEvent } from '@app/event-store';
import type {
  ChairAskedQuestion,
  DecisionAdopted,
  MemberRef,
  MotionProposed,
  ParagraphOpened,
  MotionTarget,
  ProposalRef,
  ReservationEntered,
  VoteHeld,
  VotePropositionApproved,
} from '@app/domain';
import type { Db } from '../db.js';
import type { Projection, ProjectionWriter, Writes } from '../projection.js';
import { RowCache } from './cache.js';

/** What the projection remembers of a paragraph: enough to tell which yrkanden a decision adopted, and what to take back when an entry is struck. */
interface ParagraphState {
  bodyId: string;
  year: number;
  motions: Record<string, { proposer: MemberRef; kind: string; refersTo: MotionTarget }>;
  findings: Record<string, ProposalRef | 'rejected'>;
  votes: Record<string, { ja?: ProposalRef; nej?: ProposalRef; outcome?: 'ja' | 'nej' }>;
  /** Members named in the paragraph, [memberId, name, party]; facts refer to them by index. */
  members: [string, string, string][];
  /** What each entry counted: [entryId, member index, kind]. Compact: it is rewritten every batch. */
  facts: [string, number, FactKind][];
}

export type FactKind = 'motions' | 'adopted' | 'ja' | 'nej' | 'avstar' | 'reservations' | 'recusals';
const KINDS: readonly FactKind[] = ['motions', 'adopted', 'ja', 'nej', 'avstar', 'reservations', 'recusals'];

/** One member's counts in one body and year, under the name and party recorded in the events. */
interface Counters {
  bodyId: string;
  year: number;
  memberId: string;
  name: string;
  party: string;
  counts: Record<FactKind, number>;
}

const sameRef = (a: MotionTarget, b: MotionTarget) =>
  a.kind === b.kind && (a.kind !== 'motion' || a.motionId === (b as { motionId: string }).motionId);

/**
 * Statistics per member and party. Counters per member, body and year are few and hot, so
 * they stay in the cache during catch-up and are written once per batch. Each paragraph
 * remembers what its entries counted, so striking an entry takes exactly that back.
 * Names and parties are those recorded in the events: statistics follow the protocol.
 */
export const statisticsProjection: Projection = {
  name: 'statistics',
  // 4: joint movers and joint reservations count for each member (issue 11).
  version: 4,
  handles: [
    'ParagraphOpened',
    'RecusalDeclared',
    'MotionProposed',
    'ChairAskedQuestion',
    'VotePropositionApproved',
    'VoteHeld',
    'DecisionAdopted',
    'ReservationEntered',
    'EntryStruck',
  ],
  migrate(db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_stat_paragraphs (
        paragraph_id TEXT PRIMARY KEY,
        state TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS rm_stat_members (
        body_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        name TEXT NOT NULL,
        party TEXT NOT NULL,
        motions INTEGER NOT NULL,
        adopted INTEGER NOT NULL,
        ja INTEGER NOT NULL,
        nej INTEGER NOT NULL,
        avstar INTEGER NOT NULL,
        reservations INTEGER NOT NULL,
        recusals INTEGER NOT NULL,
        PRIMARY KEY (body_id, year, member_id, name, party)
      );
    `);
  },
  reset(db: Db) {
    db.exec(
      'DROP TABLE IF EXISTS rm_stat_paragraphs; DROP TABLE IF EXISTS rm_stat_facts; DROP TABLE IF EXISTS rm_stat_members;',
    );
  },
  open(db: Db, writes: Writes): ProjectionWriter {
    const selectState = db.prepare<[string], { state: string }>(
      'SELECT state FROM rm_stat_paragraphs WHERE paragraph_id = ?',
    );
    const upsertState = db.prepare(
      'INSERT OR REPLACE INTO rm_stat_paragraphs (paragraph_id, state) VALUES (?, ?)',
    );
    const selectCounters = db.prepare<[string, number, string, string, string], Record<FactKind, number>>(
      `SELECT motions, adopted, ja, nej, avstar, reservations, recusals FROM rm_stat_members
       WHERE body_id = ? AND year = ? AND member_id = ? AND name = ? AND party = ?`,
    );
    const upsertCounters = db.prepare(
      `INSERT OR REPLACE INTO rm_stat_members
         (body_id, year, member_id, name, party, motions, adopted, ja, nej, avstar, reservations, recusals)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const states = new RowCache<ParagraphState>(
      writes,
      (id) => {
        const r = selectState.get(id);
        return r ? (JSON.parse(r.state) as ParagraphState) : undefined;
      },
      (id, s) => writes.run(upsertState, id, JSON.stringify(s)),
    );
    const SEP = '\u0000';
    const counters = new RowCache<Counters>(
      writes,
      (key) => {
        const [bodyId, year, memberId, name, party] = key.split(SEP);
        const row = selectCounters.get(bodyId, Number(year), memberId, name, party);
        return row ? { bodyId, year: Number(year), memberId, name, party, counts: { ...row } } : undefined;
      },
      (_key, c) =>
        writes.run(
          upsertCounters,
          c.bodyId,
          c.year,
          c.memberId,
          c.name,
          c.party,
          ...KINDS.map((k) => c.counts[k]),
        ),
    );

    function count(s: ParagraphState, m: MemberRef, kind: FactKind, by: 1 | -1): void {
      const key = [s.bodyId, s.year, m.memberId, m.name, m.party].join(SEP);
      const c = counters.get(key) ?? {
        bodyId: s.bodyId,
        year: s.year,
        memberId: m.memberId,
        name: m.name,
        party: m.party,
        counts: { motions: 0, adopted: 0, ja: 0, nej: 0, avstar: 0, reservations: 0, recusals: 0 },
      };
      c.counts[kind] += by;
      counters.set(key, c);
    }
    function fact(s: ParagraphState, entryId: string, m: MemberRef, kind: FactKind): void {
      let i = s.members.findIndex(
        ([id, name, party]) => id === m.memberId && name === m.name && party === m.party,
      );
      if (i < 0) i = s.members.push([m.memberId, m.name, m.party]) - 1;
      s.facts.push([entryId, i, kind]);
      count(s, m, kind, 1);
    }

    /** The proposal or motion a decision adopted, from its vote or else its last question. */
    function adopted(s: ParagraphState, d: DecisionAdopted['data']): ProposalRef | 'rejected' | null {
      if (d.basedOn.voteId) {
        const v = s.votes[d.basedOn.voteId];
        if (v?.outcome) return (v.outcome === 'ja' ? v.ja : v.nej) ?? null;
      }
      const qs = d.basedOn.questionIds;
      return qs.length ? (s.findings[qs[qs.length - 1]] ?? null) : null;
    }

    return {
      apply(event: StoredEvent) {
        const pid = (event.data as { paragraphId: string }).paragraphId;
        if (event.type === 'ParagraphOpened') {
          const p = event.data as unknown as ParagraphOpened['data'];
          states.set(pid, {
            bodyId: p.body.id,
            year: p.year,
            motions: {},
            findings: {},
            votes: {},
            members: [],
            facts: [],
          });
          return;
        }
        const s = states.get(pid);
        if (!s) return;
        states.set(pid, s); // every event below changes the state
        switch (event.type) {
          case 'RecusalDeclared': {
            const m = (event.data as { member: MemberRef }).member;
            return fact(s, `recusal:${m.memberId}`, m, 'recusals');
          }
          case 'MotionProposed': {
            const d = event.data as unknown as MotionProposed['data'];
            s.motions[d.motionId] = {
              proposer: d.proposer,
              kind: d.kind,
              refersTo: d.refersTo ?? { kind: 'proposal' },
            };
            // Joint movers moved it too.
            for (const m of [d.proposer, ...(d.coProposers ?? [])]) fact(s, d.motionId, m, 'motions');
            return;
          }
          case 'ChairAskedQuestion': {
            const d = event.data as unknown as ChairAskedQuestion['data'];
            s.findings[d.questionId] = d.finding;
            return;
          }
          case 'VotePropositionApproved': {
            const d = event.data as unknown as VotePropositionApproved['data'];
            if (d.kind === 'huvudvotering')
              s.votes[d.voteId] = { ...s.votes[d.voteId], ja: d.ja, nej: d.nej };
            return;
          }
          case 'VoteHeld': {
            const d = event.data as unknown as VoteHeld['data'];
            s.votes[d.voteId] = { ...s.votes[d.voteId], outcome: d.outcome };
            for (const v of d.votes) fact(s, d.voteId, v.member, v.vote);
            return;
          }
          case 'DecisionAdopted': {
            const d = event.data as unknown as DecisionAdopted['data'];
            const ref = adopted(s, d);
            if (!ref) return;
            for (const [motionId, m] of Object.entries(s.motions)) {
              const wins =
                ref === 'rejected'
                  ? m.kind === 'avslag' && m.refersTo.kind === 'proposal'
                  : (ref.kind === 'motion' && ref.motionId === motionId) ||
                    (m.kind === 'bifall' && sameRef(m.refersTo, ref));
              if (wins) fact(s, d.decisionId, m.proposer, 'adopted');
            }
            return;
          }
          case 'ReservationEntered': {
            const d = event.data as unknown as ReservationEntered['data'];
            // A joint reservation counts for each member (older events name one).
            for (const m of d.members ?? [d.member]) fact(s, d.reservationId, m, 'reservations');
            return;
          }
          case 'EntryStruck': {
            const entryId = (event.data as { entryId: string }).entryId;
            for (const [id, i, kind] of s.facts) {
              if (id !== entryId) continue;
              const [memberId, name, party] = s.members[i];
              count(s, { memberId, name, party }, kind, -1);
            }
            s.facts = s.facts.filter(([id]) => id !== entryId);
            delete s.motions[entryId];
            delete s.findings[entryId];
            delete s.votes[entryId];
            return;
          }
        }
      },
      flush() {
        states.flush();
        counters.flush();
      },
      discard() {
        states.discard();
        counters.discard();
      },
    };
  },
};
