/** The messages of the read-ahead thread (read-ahead.ts ⇄ read-ahead.worker.ts). */

/**
 * One event as the page's JSON text carries it: position, stream_id, revision, event_id, type,
 * data, metadata, created — SQLite's columns as this adapter reads them anywhere (integers as
 * numbers, safe below 2^53), data and metadata embedded as stored; metadata null when left out.
 */
export type PageRow = [number, string, number, string, string, object, object | null, number];

export interface ReadAheadData {
  /** The events file (absolute). */
  readonly path: string;
  /** First position to read (inclusive). */
  readonly from: number;
  readonly size: number;
  readonly metadata: boolean;
  /** Pages the thread may read before the reader asks for more. */
  readonly credit: number;
}

/** Reader → thread: the reader took pages; the thread may read this many more. */
export interface ReadAheadCredit {
  readonly kind: 'credit';
  readonly pages: number;
}

/** Thread → reader: a page as ONE JSON text of `PageRow`s (parsed in one call), or why it stopped. */
export type ReadAheadReply =
  | { readonly kind: 'page'; readonly text: string; readonly done: boolean }
  | { readonly kind: 'error'; readonly error: string };
