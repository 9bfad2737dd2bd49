/** The messages of the checkpointer thread (checkpointer.ts ⇄ checkpointer.worker.ts). */

export interface CheckpointerData {
  /** The read-model file. */
  readonly path: string;
  readonly intervalMs: number;
}

/** Runner → thread: finish the checkpoint under way, close the connection and end. */
export interface CheckpointerStop {
  readonly kind: 'stop';
}
