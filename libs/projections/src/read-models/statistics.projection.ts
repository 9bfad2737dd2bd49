import type { StoredEvent } from '@app/event-store';
import type {
  ChairAskedQuestion,
  DecisionAdopted,
  MemberRef,
  MotionProposed,
  ParagraphOpened,
  ProposalRef,
  ReservationEntered,
  VoteHeld,
  VotePropositionApproved,
} from '@app/domain';
import type { Db } from '../db.js';
import type { Projection, ProjectionWriter } from '../projection.js';
import { RowCache } from './cache.js';

/** What the projection remembers of a paragraph to tell which yrkanden a decision adopted. */
interface ParagraphState {
  bodyId: string;
  year: number;
  motions: Record<string, { proposer: MemberRef; kind: string; refersTo: ProposalRef }>;
  findings: Record<string, ProposalRef | 'rejected'>;
  votes: Record<string, { ja?: ProposalRef; nej?: ProposalRef; outcome?: 'ja' | 'nej' }>;
}

export type FactKind = 'motion' | 'motion_adopted' | 'ja' | 'nej' | 'avstar' | 'reservation' | 'recusal';

const sameRef = (a: ProposalRef, b: ProposalRef) =>
  a.kind === b.kind && (a.kind === 'proposal' || a.motionId === (b as { motionId: string }).motionId);

/**
 * Statistics per member and party, kept as one fact row per thing a member did (a yrkande,
 * an adopted yrkande, a vote, a reservation, a jäv) tagged with the entry it came from.
 * Striking an entry deletes its facts; the query sums them. The member's name and party
 * are those recorded in the event, so statistics follow the protocol, not today's register.
 */
export const statisticsProjection: Projection = {
  name: 'statistics',
  version: 1,
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
      CREATE TABLE IF NOT EXISTS rm_stat_facts (
        paragraph_id TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        body_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        name TEXT NOT NULL,
        party TEXT NOT NULL,
        kind TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS rm_stat_facts_entry ON rm_stat_facts (paragraph_id, entry_id);
      CREATE INDEX IF NOT EXISTS rm_stat_facts_body_year ON rm_stat_facts (body_id, year);
    `);
  },
  reset(db: Db) {
    db.exec('DROP TABLE IF EXISTS rm_stat_paragraphs; DROP TABLE IF EXISTS rm_stat_facts;');
  },
  open(db: Db): ProjectionWriter {
    const selectState = db.prepare<[string], { state: string }>(
      'SELECT state FROM rm_stat_paragraphs WHERE paragraph_id = ?',
    );
    const upsertState = db.prepare(
      'INSERT OR REPLACE INTO rm_stat_paragraphs (paragraph_id, state) VALUES (?, ?)',
    );
    const insertFact = db.prepare(
      `INSERT INTO rm_stat_facts (paragraph_id, entry_id, body_id, year, member_id, name, party, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const deleteFacts = db.prepare('DELETE FROM rm_stat_facts WHERE paragraph_id = ? AND entry_id = ?');
    const states = new RowCache<ParagraphState>(
      (id) => {
        const r = selectState.get(id);
        return r ? (JSON.parse(r.state) as ParagraphState) : undefined;
      },
      (id, s) => upsertState.run(id, JSON.stringify(s)),
    );

    function fact(pid: string, s: ParagraphState, entryId: string, m: MemberRef, kind: FactKind): void {
      insertFact.run(pid, entryId, s.bodyId, s.year, m.memberId, m.name, m.party, kind);
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
          states.set(pid, { bodyId: p.body.id, year: p.year, motions: {}, findings: {}, votes: {} });
          return;
        }
        const s = states.get(pid);
        if (!s) return;
        switch (event.type) {
          case 'RecusalDeclared': {
            const m = (event.data as { member: MemberRef }).member;
            fact(pid, s, `recusal:${m.memberId}`, m, 'recusal');
            return;
          }
          case 'MotionProposed': {
            const d = event.data as unknown as MotionProposed['data'];
            s.motions[d.motionId] = {
              proposer: d.proposer,
              kind: d.kind,
              refersTo: d.refersTo ?? { kind: 'proposal' },
            };
            states.set(pid, s);
            fact(pid, s, d.motionId, d.proposer, 'motion');
            return;
          }
          case 'ChairAskedQuestion': {
            const d = event.data as unknown as ChairAskedQuestion['data'];
            s.findings[d.questionId] = d.finding;
            states.set(pid, s);
            return;
          }
          case 'VotePropositionApproved': {
            const d = event.data as unknown as VotePropositionApproved['data'];
            if (d.kind !== 'huvudvotering') return;
            s.votes[d.voteId] = { ...s.votes[d.voteId], ja: d.ja, nej: d.nej };
            states.set(pid, s);
            return;
          }
          case 'VoteHeld': {
            const d = event.data as unknown as VoteHeld['data'];
            s.votes[d.voteId] = { ...s.votes[d.voteId], outcome: d.outcome };
            states.set(pid, s);
            for (const v of d.votes) fact(pid, s, d.voteId, v.member, v.vote);
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
              if (wins) fact(pid, s, d.decisionId, m.proposer, 'motion_adopted');
            }
            return;
          }
          case 'ReservationEntered': {
            const d = event.data as unknown as ReservationEntered['data'];
            fact(pid, s, d.reservationId, d.member, 'reservation');
            return;
          }
          case 'EntryStruck': {
            const entryId = (event.data as { entryId: string }).entryId;
            deleteFacts.run(pid, entryId);
            delete s.motions[entryId];
            delete s.findings[entryId];
            delete s.votes[entryId];
            states.set(pid, s);
            return;
          }
        }
      },
      flush() {
        states.flush();
      },
      discard() {
        states.discard();
      },
    };
  },
};
