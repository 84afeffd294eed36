/** A message between stages. Its id is its idempotency key: the same logical message always has the same id. */
export interface Message<T = unknown> {
  id: string;
  topic: string;
  payload: T;
  /** Not delivered before this time (timers, such as the end of a detainer hold). */
  availableAt: Date;
}
