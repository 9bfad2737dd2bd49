// ─── numbering stream ────────────────────────────────────────────────────────────────

export interface ParagraphNumberReserved {
  readonly type: 'ParagraphNumberReserved';
  readonly data: {
    readonly bodyId: string;
    readonly year: number;
    readonly number: number;
    readonly paragraphId: string;
    readonly meetingId: string;
  };
}

/**
 * A reservation whose paragraph was never opened (the opening failed, or the process died
 * between the two appends of docs/adr/0004) gives its number back, so the sequence has no hole.
 */
export interface ParagraphNumberReleased {
  readonly type: 'ParagraphNumberReleased';
  readonly data: {
    readonly bodyId: string;
    readonly year: number;
    readonly number: number;
    readonly paragraphId: string;
    /** Why, for an auditor: the opening was refused or failed, or it was left half-done. */
    readonly reason: 'opening_failed' | 'never_opened';
  };
}

/**
 * The agenda was put in a new order: the meeting's paragraphs that were not yet handled take
 * the same § numbers in that order, so the protocol runs in the order of handling
 * (docs/adr/0055). One event, so the numbering stream never shows a number held twice.
 */
export interface ParagraphNumbersReassigned {
  readonly type: 'ParagraphNumbersReassigned';
  readonly data: {
    readonly bodyId: string;
    readonly year: number;
    readonly meetingId: string;
    /** Only the paragraphs whose number changes; the set of numbers stays the same. */
    readonly assignments: readonly {
      readonly paragraphId: string;
      readonly from: number;
      readonly to: number;
    }[];
  };
}

export type NumberingEvent = ParagraphNumberReserved | ParagraphNumberReleased | ParagraphNumbersReassigned;
