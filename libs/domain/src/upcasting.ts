/**
 * Event schema versions. Every stored event records the version of its `data` schema
 * (metadata `schemaVersion`). Reading an older event runs the registered upcasters, one
 * version step at a time, so deciders and projections only ever see the current shape.
 *
 * To change an event's data shape: bump its version here and register an upcaster from the
 * previous version (data in the old shape → data in the new shape). Never edit stored events.
 */
import type { DomainEventType } from './events.js';

export const eventSchemaVersions: Readonly<Record<DomainEventType, number>> = {
  MeetingScheduled: 1,
  AttendanceRecorded: 1,
  AdjustersAppointed: 1,
  MeetingOpened: 1,
  MeetingClosed: 1,
  ProtocolJustified: 1,
  ProtocolAnnounced: 1,
  ParagraphNumberReserved: 1,
  ParagraphNumberReleased: 1,
  ParagraphOpened: 1,
  RecusalDeclared: 1,
  MotionProposed: 1,
  MotionSupported: 1,
  MotionWithdrawn: 1,
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
  // Sekretess (docs/adr/0030).
  ParagraphMarkedConfidential: 1,
  ParagraphConfidentialityLifted: 1,
};

/** Turns `type` data of version `fromVersion` into version `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

export class UpcastError extends Error {
  override readonly name = 'UpcastError';
}

export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(private readonly versions: Readonly<Record<string, number>> = eventSchemaVersions) {}

  currentVersion(type: string): number {
    const version = this.versions[type];
    if (version === undefined) throw new UpcastError(`Unknown event type: ${type}`);
    return version;
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
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

/** The application's registry: upcasters for the catalogue's past versions go here. */
export const upcasters = new UpcasterRegistry();

export function upcast(type: string, version: number, data: unknown): Record<string, unknown> {
  return upcasters.upcast(type, version, data);
}
