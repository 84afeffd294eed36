/**
 * Live updates over server-sent events. The audit log is the change feed: every record a stage
 * or a user writes appends an entry, so polling it by sequence number sees every change, from this
 * process or any other sharing the store. Each change is sent only to clients whose visibility
 * covers the booking it concerns; clients also get the pipeline clock, for countdowns.
 */
import type { ServerResponse } from 'node:http';
import { and, asc, gt, inArray, max, ne } from 'drizzle-orm';
import type { Clock } from '../../domain/clock.ts';
import { auditLog, bookings, detainers } from '../../store/schema/index.ts';
import { visibleBookings, type BookingVisibility } from '../../store/queries/visibility.ts';
import type { Store } from '../../store/store.ts';

export interface LiveClient {
  /** null: the user reads no bookings (administrators) and gets only the clock. */
  visibility: BookingVisibility | null;
  res: ServerResponse;
}

export interface ChangeEvent {
  bookingId: string;
  entity: string;
  seq: number;
}

/** Tables whose primary key starts with the booking id. */
const keyedByBooking = new Set(['bookings', 'arrest_charges', 'sib_results', 'cjis_results', 'ident_results', 'ice_decisions', 'booking_outcomes']);
const byDetainer = new Set(['detainers', 'detainer_events']);

export class LiveHub {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #clients = new Set<LiveClient>();
  readonly #pollMs: number;
  #lastSeq: number | undefined;
  #start: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ticks = 0;
  #polling = false;

  constructor(store: Store, clock: Clock, pollMs = 1000) {
    this.#store = store;
    this.#clock = clock;
    this.#pollMs = pollMs;
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /**
   * Registers a client once the change cursor stands at the latest audit entry, so every change
   * written after the client gets its first event reaches it (a cursor first read by a later poll
   * would silently skip changes made in between).
   */
  async add(client: LiveClient): Promise<void> {
    // Again if the last client left (and the cursor was dropped) while this one waited.
    while (this.#lastSeq === undefined) {
      this.#start ??= this.#latestSeq().then(
        (seq) => {
          this.#lastSeq = seq;
        },
        (e: unknown) => {
          this.#start = undefined; // the next client tries again
          throw e;
        },
      );
      await this.#start;
    }
    if (client.res.destroyed) return;
    this.#clients.add(client);
    this.#send(client, 'clock', { now: this.#clock.now().toISOString() });
    client.res.on('close', () => {
      this.#clients.delete(client);
      if (this.#clients.size === 0) this.#stop();
    });
    this.#timer ??= setInterval(() => void this.poll(), this.#pollMs);
  }

  async #latestSeq(): Promise<number> {
    const [row] = await this.#store.db.select({ seq: max(auditLog.seq) }).from(auditLog);
    return row?.seq ?? 0;
  }

  /** With nobody listening the cursor is dropped: the next first client starts from its own moment, not from a backlog. */
  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#start = undefined;
    this.#lastSeq = undefined;
  }

  close(): void {
    this.#stop();
    for (const c of this.#clients) c.res.end();
    this.#clients.clear();
  }

  #send(client: LiveClient, event: string, data: unknown): void {
    client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** One round: read new audit entries, resolve their bookings, send each client what it may see. */
  async poll(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      const db = this.#store.db;
      const from = this.#lastSeq;
      if (from === undefined) return;
      const entries = await db
        .select({ seq: auditLog.seq, entity: auditLog.entity, entityId: auditLog.entityId, data: auditLog.data })
        .from(auditLog)
        .where(and(gt(auditLog.seq, from), ne(auditLog.action, 'read')))
        .orderBy(asc(auditLog.seq))
        .limit(5000);
      // A stop during the read dropped the cursor: leave it to the next first client.
      if (this.#lastSeq !== from) return;
      if (entries.length) this.#lastSeq = entries[entries.length - 1]!.seq;
      const changes = await this.#changes(entries);
      if (changes.length) await this.#fanOut(changes);
      if (++this.#ticks % 2 === 0) for (const c of this.#clients) this.#send(c, 'clock', { now: this.#clock.now().toISOString() });
    } finally {
      this.#polling = false;
    }
  }

  async #changes(entries: { seq: number; entity: string; entityId: string; data: unknown }[]): Promise<ChangeEvent[]> {
    const out: ChangeEvent[] = [];
    const detainerIds = new Set<string>();
    for (const e of entries) {
      const fromData = (e.data as { bookingId?: unknown } | null)?.bookingId;
      if (typeof fromData === 'string') out.push({ bookingId: fromData, entity: e.entity, seq: e.seq });
      else if (keyedByBooking.has(e.entity)) out.push({ bookingId: e.entityId.split('/')[0]!, entity: e.entity, seq: e.seq });
      else if (byDetainer.has(e.entity)) detainerIds.add(e.entityId.split('/')[0]!);
    }
    if (detainerIds.size) {
      const found = await this.#store.db.select({ id: detainers.id, bookingId: detainers.bookingId }).from(detainers).where(inArray(detainers.id, [...detainerIds]));
      const seq = entries[entries.length - 1]!.seq;
      for (const d of found) out.push({ bookingId: d.bookingId, entity: 'detainers', seq });
    }
    // One event per booking and round is enough: the console reloads what changed.
    const last = new Map<string, ChangeEvent>();
    for (const c of out) last.set(c.bookingId, c);
    return [...last.values()];
  }

  async #fanOut(changes: ChangeEvent[]): Promise<void> {
    const ids = changes.map((c) => c.bookingId);
    const groups = new Map<string, LiveClient[]>();
    for (const c of this.#clients) {
      if (!c.visibility) continue;
      const key = JSON.stringify(c.visibility);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const [key, clients] of groups) {
      const visibility = JSON.parse(key) as BookingVisibility;
      const visible = await this.#store.db
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(inArray(bookings.id, ids), visibleBookings(visibility)));
      const allowed = new Set(visible.map((v) => v.id));
      for (const change of changes) {
        if (!allowed.has(change.bookingId)) continue;
        for (const c of clients) this.#send(c, 'change', change);
      }
    }
  }
}
