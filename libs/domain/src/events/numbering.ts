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

export type NumberingEvent = ParagraphNumberReserved | ParagraphNumberReleased;
