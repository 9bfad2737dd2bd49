/**
 * Bodies as data (docs/adr/0036). Two kinds of stream:
 *
 *   bodies                 the municipality's register of bodies: each body's id, printed names,
 *                          kind, the body it prepares for (AU → KS → KF), numbering format and the
 *                          house style a new body starts with. One stream, so that a reference to
 *                          another body (and a cycle of them) is checked by a pure decider.
 *   roster-<bodyId>        the body's members: one membership per person and seat, with its
 *                          mandatperiod, party, role, office and the dates it starts and ends
 *                          (fyllnadsval, entlediganden).
 *
 * A meeting copies the roster on its date into its own MeetingScheduled event when it is
 * scheduled; later roster changes never touch a meeting already scheduled.
 */
import { isPlainDate } from './appeal-period.js';
import type { Decider } from './decider.js';
import { ensure } from './errors.js';
import type { Member } from './events.js';

// ─── the register of bodies ─────────────────────────────────────────────────────────

export const BODY_KINDS = ['fullmaktige', 'styrelse', 'utskott', 'namnd', 'beredning'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface BodyDetails {
  /** Stable slug used in stream names, e.g. `ks-au`. */
  readonly bodyId: string;
  /** As printed at the start of a sentence: "Kommunstyrelsens arbetsutskott". */
  readonly name: string;
  /** As printed in references: "KSAU". */
  readonly shortName: string;
  readonly kind: BodyKind;
  /** The body whose decisions this one prepares (AU → KS → KF); null for none. */
  readonly preparesFor: string | null;
  /** How a § of this body is written in references: `§ {number}` or `§ {number}/{year}`. */
  readonly numberingFormat: string;
  /** The shipped house style a new body starts with (its adopted style then rules, ADR 0018). */
  readonly defaultHouseStyle: string;
  /**
   * Whether the live screen offers omedelbar justering of each paragraph ticked: a body that
   * justifies its paragraphs at the meeting (some utskott do) says so once. Absent in bodies
   * registered before the setting: false. Only the screen's default; the justering records
   * what was done (docs/adr/0053).
   */
  readonly immediateJusteringByDefault?: boolean;
}

export interface BodyRegistered {
  readonly type: 'BodyRegistered';
  readonly data: BodyDetails & { readonly at: string };
}

/** New names, kind, preparing relation or numbering format from now on (a whole new record). */
export interface BodyDetailsChanged {
  readonly type: 'BodyDetailsChanged';
  readonly data: BodyDetails & { readonly at: string };
}

export type BodyRegisterEvent = BodyRegistered | BodyDetailsChanged;

export interface RegisterBody {
  readonly type: 'RegisterBody';
  readonly data: BodyDetails & { readonly at: string };
}
export interface ChangeBodyDetails {
  readonly type: 'ChangeBodyDetails';
  readonly data: BodyDetails & { readonly at: string };
}
export type BodyRegisterCommand = RegisterBody | ChangeBodyDetails;

export interface BodyRegisterState {
  readonly bodies: ReadonlyMap<string, BodyDetails & { readonly registeredAt: string }>;
}

export const BODY_REGISTER_STREAM = 'bodies';

/** `{number}` must be there; `{year}` may be. */
export function isNumberingFormat(format: string): boolean {
  return format.includes('{number}') && !/\{(?!number\}|year\})/.test(format);
}

/** A § as the body writes it in references: "§ 52/2019". */
export function formatParagraphNumber(format: string, number: number, year: number): string {
  return format.replace('{number}', String(number)).replace('{year}', String(year));
}

function checkDetails(state: BodyRegisterState, d: BodyDetails): void {
  ensure(d.name.trim() !== '', 'TEXT_REQUIRED', { field: 'name' });
  ensure(d.shortName.trim() !== '', 'TEXT_REQUIRED', { field: 'shortName' });
  ensure(isNumberingFormat(d.numberingFormat), 'NUMBERING_FORMAT_INVALID', {
    field: 'numberingFormat',
    value: d.numberingFormat,
  });
  if (d.preparesFor === null) return;
  ensure(state.bodies.has(d.preparesFor), 'BODY_NOT_REGISTERED', {
    field: 'preparesFor',
    bodyId: d.preparesFor,
  });
  // Follow the chain up: it must end without coming back to this body.
  const seen = new Set([d.bodyId]);
  for (
    let next: string | null = d.preparesFor;
    next !== null;
    next = state.bodies.get(next)?.preparesFor ?? null
  ) {
    ensure(!seen.has(next), 'BODY_PREPARES_FOR_CYCLE', { field: 'preparesFor', bodyId: next });
    seen.add(next);
  }
}

/** Field by field, a setting absent from an older record read as its default. */
function sameDetails(a: BodyDetails, b: BodyDetails): boolean {
  return (
    a.bodyId === b.bodyId &&
    a.name === b.name &&
    a.shortName === b.shortName &&
    a.kind === b.kind &&
    a.preparesFor === b.preparesFor &&
    a.numberingFormat === b.numberingFormat &&
    a.defaultHouseStyle === b.defaultHouseStyle &&
    (a.immediateJusteringByDefault ?? false) === (b.immediateJusteringByDefault ?? false)
  );
}

export const bodyRegisterDecider: Decider<BodyRegisterCommand, BodyRegisterEvent, BodyRegisterState> = {
  initialState: { bodies: new Map() },
  decide(command, state) {
    const d = command.data;
    if (command.type === 'RegisterBody') {
      ensure(!state.bodies.has(d.bodyId), 'BODY_ALREADY_REGISTERED', { bodyId: d.bodyId });
      checkDetails(state, d);
      return [{ type: 'BodyRegistered', data: d }];
    }
    const current = state.bodies.get(d.bodyId);
    ensure(current, 'BODY_NOT_REGISTERED', { bodyId: d.bodyId });
    checkDetails(state, d);
    if (sameDetails(current, d)) return [];
    return [{ type: 'BodyDetailsChanged', data: d }];
  },
  evolve(state, event) {
    const bodies = new Map(state.bodies);
    const { at, ...details } = event.data;
    const registeredAt = state.bodies.get(details.bodyId)?.registeredAt ?? at;
    bodies.set(details.bodyId, { ...details, registeredAt });
    return { bodies };
  },
};

// ─── the roster of a body ───────────────────────────────────────────────────────────

export type Office = 'ordforande' | 'vice_ordforande';

export interface MembershipStarted {
  readonly type: 'MembershipStarted';
  readonly data: {
    readonly bodyId: string;
    readonly membershipId: string;
    /** The person's id in meetings (the same person keeps it across seats and meetings). */
    readonly memberId: string;
    readonly name: string;
    /** Party abbreviation as printed: S, M, L … */
    readonly party: string;
    readonly role: Member['role'];
    /** The order in which an ersättare is called in (1 first); ersättare only. */
    readonly substituteOrder?: number;
    /** Ordförande or vice ordförande (chosen among the ledamöter). */
    readonly office?: Office;
    /** e.g. "2023-2026". */
    readonly mandatePeriod: string;
    /** First day of the membership. */
    readonly from: string;
    /** Last day when known at the start (usually the mandatperiod's end); MembershipEnded ends earlier. */
    readonly until?: string;
    /** e.g. "val", "fyllnadsval" (printed as given). */
    readonly reason?: string;
    readonly at: string;
  };
}

/** Entlediganden, avgång, death: the membership's last day. */
export interface MembershipEnded {
  readonly type: 'MembershipEnded';
  readonly data: {
    readonly bodyId: string;
    readonly membershipId: string;
    readonly lastDay: string;
    /** e.g. "entledigad på egen begäran" (printed as given). */
    readonly reason?: string;
    readonly at: string;
  };
}

export type RosterEvent = MembershipStarted | MembershipEnded;

export interface StartMembership {
  readonly type: 'StartMembership';
  readonly data: MembershipStarted['data'];
}
export interface EndMembership {
  readonly type: 'EndMembership';
  readonly data: MembershipEnded['data'];
}
export type RosterCommand = StartMembership | EndMembership;

export interface Membership extends Omit<MembershipStarted['data'], 'at'> {
  /** The last day in force: `until`, or the day an entledigande took effect. */
  readonly lastDay?: string;
  readonly endReason?: string;
}

export interface RosterState {
  readonly memberships: readonly Membership[];
}

/** The roster's context: the body must be registered. */
export interface RosterContext {
  readonly bodyRegistered: boolean;
}

export const rosterStreamId = (bodyId: string) => `roster-${bodyId}`;

const MANDATE_PERIOD = /^(\d{4})-(\d{4})$/;

function overlaps(a: { from: string; lastDay?: string }, b: { from: string; lastDay?: string }): boolean {
  return a.from <= (b.lastDay ?? '9999-12-31') && b.from <= (a.lastDay ?? '9999-12-31');
}

function checkStart(state: RosterState, d: MembershipStarted['data']): void {
  ensure(!state.memberships.some((m) => m.membershipId === d.membershipId), 'MEMBERSHIP_ALREADY_STARTED', {
    membershipId: d.membershipId,
  });
  ensure(d.name.trim() !== '', 'TEXT_REQUIRED', { field: 'name' });
  ensure(isPlainDate(d.from), 'INVALID_DATE', { field: 'from', value: d.from });
  if (d.until !== undefined) {
    ensure(isPlainDate(d.until), 'INVALID_DATE', { field: 'until', value: d.until });
    ensure(d.until >= d.from, 'MEMBERSHIP_ENDS_BEFORE_START', {
      field: 'until',
      from: d.from,
      until: d.until,
    });
  }
  const period = MANDATE_PERIOD.exec(d.mandatePeriod);
  ensure(period && Number(period[2]) >= Number(period[1]), 'MANDATE_PERIOD_INVALID', {
    field: 'mandatePeriod',
    value: d.mandatePeriod,
  });
  if (d.role === 'ersattare') {
    ensure(d.office === undefined, 'OFFICE_NOT_LEDAMOT', { field: 'office' });
    ensure(
      d.substituteOrder === undefined || (Number.isInteger(d.substituteOrder) && d.substituteOrder > 0),
      'SUBSTITUTE_ORDER_INVALID',
      { field: 'substituteOrder' },
    );
  } else {
    ensure(d.substituteOrder === undefined, 'SUBSTITUTE_ORDER_INVALID', { field: 'substituteOrder' });
  }
  const next = { from: d.from, lastDay: d.until };
  const seat = state.memberships.find((m) => m.memberId === d.memberId && overlaps(m, next));
  ensure(!seat, 'MEMBERSHIP_OVERLAPS', { memberId: d.memberId, membershipId: seat?.membershipId });
  if (d.office === 'ordforande') {
    const chair = state.memberships.find((m) => m.office === 'ordforande' && overlaps(m, next));
    ensure(!chair, 'TWO_CHAIRS', { memberId: chair?.memberId, from: d.from });
  }
}

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState, RosterContext> = {
  initialState: { memberships: [] },
  decide(command, state, context) {
    ensure(context.bodyRegistered, 'BODY_NOT_REGISTERED', { bodyId: command.data.bodyId });
    if (command.type === 'StartMembership') {
      checkStart(state, command.data);
      return [{ type: 'MembershipStarted', data: command.data }];
    }
    const d = command.data;
    const m = state.memberships.find((x) => x.membershipId === d.membershipId);
    ensure(m, 'UNKNOWN_MEMBERSHIP', { membershipId: d.membershipId });
    ensure(m.endReason === undefined, 'MEMBERSHIP_ALREADY_ENDED', { membershipId: d.membershipId });
    ensure(isPlainDate(d.lastDay), 'INVALID_DATE', { field: 'lastDay', value: d.lastDay });
    // The day before `from`: a membership that never took effect ends before it starts.
    ensure(d.lastDay >= previousDay(m.from), 'MEMBERSHIP_ENDS_BEFORE_START', {
      field: 'lastDay',
      from: m.from,
      lastDay: d.lastDay,
    });
    return [{ type: 'MembershipEnded', data: d }];
  },
  evolve(state, event) {
    if (event.type === 'MembershipStarted') {
      const { at: _at, ...m } = event.data;
      return { memberships: [...state.memberships, { ...m, ...(m.until ? { lastDay: m.until } : {}) }] };
    }
    const d = event.data;
    return {
      memberships: state.memberships.map((m) =>
        m.membershipId === d.membershipId
          ? {
              ...m,
              lastDay: m.lastDay !== undefined && m.lastDay < d.lastDay ? m.lastDay : d.lastDay,
              endReason: d.reason ?? '',
            }
          : m,
      ),
    };
  },
};

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The roster in force on `date`: ledamöter (ordförande, vice ordförande, then in the order they
 * were entered), then ersättare in their order. The order a meeting's member list is printed in.
 */
export function rosterOn(state: RosterState, date: string): Membership[] {
  const active = state.memberships.filter(
    (m) => m.from <= date && (m.lastDay === undefined || date <= m.lastDay),
  );
  const rank = (m: Membership) =>
    m.role === 'ersattare' ? 3 : m.office === 'ordforande' ? 0 : m.office === 'vice_ordforande' ? 1 : 2;
  return active
    .map((m, i) => ({ m, i }))
    .sort(
      (a, b) =>
        rank(a.m) - rank(b.m) ||
        (a.m.substituteOrder ?? Infinity) - (b.m.substituteOrder ?? Infinity) ||
        a.i - b.i,
    )
    .map((x) => x.m);
}

/** The members a meeting on `date` starts from, and its ordförande (if the roster names one). */
export function meetingMembersOn(state: RosterState, date: string): { members: Member[]; chair?: string } {
  const roster = rosterOn(state, date);
  return {
    members: roster.map((m) => ({ memberId: m.memberId, name: m.name, party: m.party, role: m.role })),
    chair: roster.find((m) => m.office === 'ordforande')?.memberId,
  };
}
