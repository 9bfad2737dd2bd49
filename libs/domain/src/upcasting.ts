/**
 * The event catalogue: the current schema version of every event type the application writes.
 * The command path writes each event with its type's version here (metadata `schemaVersion`);
 * the event store adapters, given `upcasters`, bring every event they read to the current
 * version by the registered upcasters, one step at a time, on every read path (stream reads,
 * `$all`, catch-up pages, subscriptions; docs/adr/0043). So deciders, views, projections, the
 * audit routes and the replay CLI only ever see the current shape.
 *
 * To change an event's data shape: bump its version here and register an upcaster from the
 * previous version (data in the old shape → data in the new shape). Never edit stored events.
 */
import type { DomainEventType } from './events.js';
import type { HouseStyleEvent } from './house-style.js';
import type { JusteringEvent } from './justering.js';
import type { BodyRegisterEvent, RosterEvent } from './body.js';
import type { IncomingEvent } from './forwarding.js';

/** Every event type in the catalogue: the domain's, and the events the API writes itself. */
export type CatalogueEventType =
  | DomainEventType
  | HouseStyleEvent['type']
  | JusteringEvent['type']
  | BodyRegisterEvent['type']
  | RosterEvent['type']
  | IncomingEvent['type']
  // The verification code of a certified extract (apps/api/src/verification).
  | 'ExtractCodeIssued';

export const eventSchemaVersions = {
  MeetingScheduled: 1,
  AttendanceRecorded: 1,
  AdjustersAppointed: 1,
  MeetingOpened: 1,
  MeetingClosed: 1,
  ProtocolJustified: 1,
  ProtocolAnnounced: 1,
  ParagraphNumberReserved: 1,
  ParagraphNumberReleased: 1,
  ParagraphNumbersReassigned: 1,
  ParagraphOpened: 1,
  ParagraphRenumbered: 1,
  RecusalDeclared: 1,
  MotionProposed: 1,
  MotionSupported: 1,
  MotionWithdrawn: 1,
  MotionAmended: 1,
  ChairAskedQuestion: 1,
  VoteRequested: 1,
  VotePropositionApproved: 1,
  VoteHeld: 1,
  DecisionAdopted: 1,
  ReservationEntered: 1,
  ReservationReasonsSubmitted: 1,
  ProtocolNoteEntered: 1,
  DistributionSet: 1,
  EntryStruck: 1,
  ParagraphJustified: 1,
  CorrectionRecorded: 1,
  ExtractCertified: 1,
  DecisionDispatched: 1,
  // Added with issue 11; the older events above gained only optional fields (no new version).
  ProtocolAttachmentAdded: 1,
  ProposalSupported: 1,
  ProposalAmended: 1,
  SpeakerRecorded: 1,
  NonParticipationDeclared: 1,
  PropositionOrderApproved: 1,
  AttachmentAdded: 1,
  HouseStyleAdopted: 1,
  JusteringRequested: 1,
  JusteringSigned: 1,
  JusteringCompleted: 1,
  ExtractCodeIssued: 1,
  // Sekretess (docs/adr/0030).
  ParagraphMarkedConfidential: 1,
  ParagraphConfidentialityLifted: 1,
  // Bodies, rosters and forwarding (docs/adr/0036, 0037).
  BodyRegistered: 1,
  BodyDetailsChanged: 1,
  MembershipStarted: 1,
  MembershipEnded: 1,
  MatterForwarded: 1,
  MatterTakenUp: 1,
} as const satisfies Record<CatalogueEventType, number>;

/** The schema version an event of `type` is written with. */
export function schemaVersionOf(type: string): number {
  return (eventSchemaVersions as Readonly<Record<string, number>>)[type] ?? 1;
}

/** Turns `type` data of version `fromVersion` into version `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

export class UpcastError extends Error {
  override readonly name = 'UpcastError';
}

/**
 * The upcasters and the versions they lead to. It is the event store's `EventUpcaster`
 * (libs/event-store/src/upcast.ts): a type outside the catalogue (the store's own integrity
 * seals) is at version 1 and passes unchanged.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(private readonly versions: Readonly<Record<string, number>> = eventSchemaVersions) {}

  currentVersion(type: string): number {
    return this.versions[type] ?? 1;
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.versions[upcaster.type] === undefined)
      throw new UpcastError(`Unknown event type: ${upcaster.type}`);
    if (this.steps.has(key)) throw new UpcastError(`An upcaster for ${key} is already registered`);
    if (upcaster.fromVersion < 1 || upcaster.fromVersion >= this.currentVersion(upcaster.type)) {
      throw new UpcastError(
        `${key} does not lead to the current version ${this.currentVersion(upcaster.type)}`,
      );
    }
    this.steps.set(key, upcaster);
    return this;
  }

  /** Bring `data` stored at `version` to the current version of `type`. */
  upcast(type: string, version: number, data: unknown): Record<string, unknown> {
    const current = this.currentVersion(type);
    if (!Number.isInteger(version) || version < 1 || version > current) {
      throw new UpcastError(`${type}: stored version ${version} is not between 1 and ${current}`);
    }
    let result = data as Record<string, unknown>;
    for (let v = version; v < current; v++) {
      const step = this.steps.get(`${type}@${v}`);
      if (!step) throw new UpcastError(`${type}: no upcaster from version ${v}`);
      result = step.up(result);
    }
    return result;
  }
}

/**
 * The application's registry, handed to every event store the application opens (the API, its
 * projection thread, the CLIs): upcasters for the catalogue's past versions are registered here.
 */
export const upcasters = new UpcasterRegistry();

export function upcast(type: string, version: number, data: unknown): Record<string, unknown> {
  return upcasters.upcast(type, version, data);
}
