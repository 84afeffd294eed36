/**
 * One gallery segment: up to SEGMENT_CAPACITY ten-print records, their compact bytes in one
 * arena, and an inverted index from triplet key to the records holding it.
 *
 * The index is a compressed sparse row table per finger slot (position 0 = unknown, 1..10),
 * with 16-bit record numbers, built in two passes (count, fill) from the arena. Records added
 * in small numbers go to a tail index (tail-index.ts) first and are merged into the table when
 * the tail grows past an eighth of it, so online enrolment stays cheap and searches always see
 * every record.
 * Removal clears a record's live flag at once; its postings go at the next merge or rebuild.
 *
 * A search counts, per record, the probe keys found among its postings over all probe fingers
 * (ten-print fusion at the index level) and shortlists the records with most votes.
 */
import { fingerOffsets, fingerPosition, MAX_RECORD_FINGERS, readFinger } from './compact.ts';
import { TailIndex } from './tail-index.ts';
import { tripletKeys, INDEX_MINUTIAE, KEY_SPACE, MAX_TRIPLETS, TripletScratch } from './triplets.ts';

export const SEGMENT_CAPACITY = 65_535;
/**
 * Records the tail may hold before a merge or rebuild, however small the table. A merge walks the
 * whole key space (SLOTS × KEY_SPACE, 8.8 M entries) whatever the table holds, so small galleries
 * that enrol one record at a time (the SIB's state galleries, CJIS) merge rarely.
 */
export const TAIL_MIN = 256;
/** Keys a rebuild's count pass keeps for its fill pass by default (4 bytes each, 128 MiB). */
export const REBUILD_KEY_CACHE = 1 << 25;
/** Finger slots: 0 for an unknown or non-rolled position, then ANSI/NIST FGP 1..10. */
export const SLOTS = 11;

export function slotOf(position: number): number {
  return position >= 1 && position <= 10 ? position : 0;
}

/** A probe finger ready for the index: its slot and its expanded keys. */
export interface ProbeFingerKeys {
  readonly position: number;
  readonly keys: Uint32Array;
}

export class Segment {
  /** Records allocated (live or removed). */
  count = 0;
  private liveCount = 0;
  readonly ids = new Uint32Array(SEGMENT_CAPACITY);
  readonly live = new Uint8Array(SEGMENT_CAPACITY);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  /** Arena bytes of removed records, reclaimed once they pass a quarter of the arena. */
  private deadBytes = 0;
  private readonly offsets = new Uint32Array(SEGMENT_CAPACITY + 1);
  /** Postings per record, and the vote normalisation 1/√postings. */
  private readonly postings = new Uint32Array(SEGMENT_CAPACITY);
  private readonly norm = new Float32Array(SEGMENT_CAPACITY);
  // Base table over records [0, baseCount).
  private baseCount = 0;
  private baseStart: Uint32Array | null = null;
  private basePost = new Uint16Array(0);
  // Records [baseCount, indexed) by key.
  private tail = new TailIndex();
  private indexed = 0;
  /** Postings per slot (base and tail), so searches skip empty slots. */
  private readonly slotPostings = new Uint32Array(SLOTS);
  private readonly votes = new Uint32Array(SEGMENT_CAPACITY);
  private readonly scratch = new TripletScratch();
  /** One record's keys: up to MAX_RECORD_FINGERS fingers of MAX_TRIPLETS. */
  private readonly keyBuf = new Uint32Array(MAX_RECORD_FINGERS * MAX_TRIPLETS);

  /** `rebuildKeyCache`: keys a rebuild keeps between its passes (memory for speed). */
  constructor(private readonly rebuildKeyCache = REBUILD_KEY_CACHE) {}

  get size(): number {
    return this.liveCount;
  }

  get full(): boolean {
    return this.count >= SEGMENT_CAPACITY;
  }

  /** Bytes held: arena, index and per-record arrays. */
  get bytes(): number {
    return this.arena.byteLength + (this.baseStart?.byteLength ?? 0) + this.basePost.byteLength + SEGMENT_CAPACITY * 18 + this.tailPostings() * 8;
  }

  private tailPostings(): number {
    let n = 0;
    for (let r = this.baseCount; r < this.indexed; r++) n += this.postings[r]!;
    return n;
  }

  record(local: number): Uint8Array {
    return this.arena.subarray(this.offsets[local]!, this.offsets[local + 1]!);
  }

  /** Appends a record (validated compact bytes); searches see it after index(). */
  append(id: number, bytes: Uint8Array): number {
    const local = this.count++;
    if (this.arenaUsed + bytes.length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + bytes.length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(bytes, this.arenaUsed);
    this.offsets[local] = this.arenaUsed;
    this.arenaUsed += bytes.length;
    this.offsets[local + 1] = this.arenaUsed;
    this.ids[local] = id;
    this.live[local] = 1;
    this.liveCount++;
    return local;
  }

  /**
   * Indexes the records appended since the last call. A large batch (over an eighth of the table,
   * TAIL_MIN at least) rebuilds the table from the arena; fewer go to the tail, and a tail grown
   * past that size is merged into the table (postings copied, no keys recomputed).
   */
  index(): void {
    const limit = Math.max(TAIL_MIN, this.baseCount >> 3);
    if (this.count - this.indexed > limit) {
      this.rebuild();
      return;
    }
    for (; this.indexed < this.count; this.indexed++) {
      const local = this.indexed;
      if (!this.live[local]) continue;
      const n = this.recordKeys(local);
      for (let i = 0; i < n; i++) {
        const key = this.keyBuf[i]!;
        this.tail.add(key, local);
        this.slotPostings[Math.floor(key / KEY_SPACE)]!++;
      }
    }
    if (this.indexed - this.baseCount > limit) this.merge();
  }

  remove(local: number): void {
    if (!this.live[local]) return;
    this.live[local] = 0;
    this.liveCount--;
    this.deadBytes += this.offsets[local + 1]! - this.offsets[local]!;
    if (this.deadBytes * 4 > this.arenaUsed) this.compact();
  }

  /**
   * Moves the live records' bytes together (removed records keep their numbers with no bytes),
   * and gives the arena back when it is more than twice what is used. Each compaction frees at
   * least a quarter of what it copies, so removal stays cheap on average.
   */
  private compact(): void {
    const a = this.arena;
    let w = 0;
    let from = this.offsets[0]!;
    for (let r = 0; r < this.count; r++) {
      const end = this.offsets[r + 1]!;
      this.offsets[r] = w;
      if (this.live[r]) {
        a.copyWithin(w, from, end);
        w += end - from;
      }
      from = end;
    }
    this.offsets[this.count] = w;
    this.arenaUsed = w;
    this.deadBytes = 0;
    if (a.length > 2 * Math.max(w, 1 << 16)) this.arena = a.slice(0, Math.max(1 << 16, w + (w >> 1)));
  }

  /** Writes every triplet key of the record (slot * KEY_SPACE + key) to keyBuf; counts its postings. */
  private recordKeys(local: number): number {
    const bytes = this.arena;
    const s = this.scratch;
    const out = this.keyBuf;
    let total = 0;
    for (const fo of fingerOffsets(bytes, this.offsets[local]!, this.offsets[local + 1]!)) {
      const n = readFinger(bytes, fo, s.x, s.y, s.angle, INDEX_MINUTIAE);
      const keys = out.subarray(total);
      const t = tripletKeys(s, n, keys);
      const base = slotOf(fingerPosition(bytes, fo)) * KEY_SPACE;
      for (let k = 0; k < t; k++) keys[k]! += base;
      total += t;
    }
    this.postings[local] = total;
    this.norm[local] = 1 / Math.sqrt(total || 1);
    return total;
  }

  /**
   * Rebuilds the table over every live record (two passes: count, then fill). The count pass
   * keeps the first records' keys (rebuildKeyCache at most) so the fill pass need not
   * recompute them: keying is most of a rebuild's work.
   */
  rebuild(): void {
    const start = new Uint32Array(SLOTS * KEY_SPACE + 1);
    const buf = this.keyBuf;
    let cache = new Uint32Array(0);
    let cached = 0;
    let cachedUpTo = 0;
    for (let r = 0; r < this.count; r++) {
      const n = this.live[r] ? this.recordKeys(r) : 0;
      for (let i = 0; i < n; i++) start[buf[i]! + 1]!++;
      if (cachedUpTo === r && cached + n <= this.rebuildKeyCache) {
        if (cached + n > cache.length) {
          const grown = new Uint32Array(Math.min(this.rebuildKeyCache, Math.max(2 * cache.length, 1 << 20)));
          grown.set(cache.subarray(0, cached));
          cache = grown;
        }
        cache.set(buf.subarray(0, n), cached);
        cached += n;
        cachedUpTo = r + 1;
      }
    }
    this.indexed = this.count;
    this.install(start, (post, fill) => {
      let c = 0;
      for (let r = 0; r < this.count; r++) {
        if (!this.live[r]) continue;
        let keys = cache;
        let from = c;
        let n = this.postings[r]!;
        if (r < cachedUpTo) {
          c += n;
        } else {
          n = this.recordKeys(r);
          keys = buf;
          from = 0;
        }
        for (let i = from; i < from + n; i++) post[fill[keys[i]!]!++] = r;
      }
    });
  }

  /** Folds the tail into the table, dropping removed records' postings. */
  private merge(): void {
    const keys = SLOTS * KEY_SPACE;
    const old = this.baseStart;
    const oldPost = this.basePost;
    const live = this.live;
    const start = new Uint32Array(keys + 1);
    if (old) {
      for (let k = 0; k < keys; k++) {
        let c = 0;
        for (let p = old[k]!, end = old[k + 1]!; p < end; p++) c += live[oldPost[p]!]!;
        start[k + 1] = c;
      }
    }
    this.tail.forEach((k, r) => (start[k + 1]! += live[r]!));
    this.install(start, (post, fill) => {
      if (old) {
        for (let k = 0; k < keys; k++) {
          for (let p = old[k]!, end = old[k + 1]!; p < end; p++) if (live[oldPost[p]!]) post[fill[k]!++] = oldPost[p]!;
        }
      }
      this.tail.forEach((k, r) => {
        if (live[r]) post[fill[k]!++] = r;
      });
    });
  }

  /** Makes a table from per-key counts (in start[k + 1]) and a filler; the tail is then empty. */
  private install(start: Uint32Array, fillPostings: (post: Uint16Array, fill: Uint32Array) => void): void {
    const keys = SLOTS * KEY_SPACE;
    for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
    const post = new Uint16Array(start[keys]!);
    fillPostings(post, start.slice(0, keys));
    for (let slot = 0; slot < SLOTS; slot++) this.slotPostings[slot] = start[(slot + 1) * KEY_SPACE]! - start[slot * KEY_SPACE]!;
    this.baseStart = start;
    this.basePost = post;
    this.baseCount = this.indexed;
    this.tail = new TailIndex();
  }

  /**
   * The `limit` live records with most votes from the probe fingers' keys, best first (ties by
   * record number), each with its standing among all live records (z: standard deviations above
   * their mean). Votes are divided by the square root of the record's postings, so records with
   * many minutiae do not rise on chance hits alone.
   */
  shortlist(probe: readonly ProbeFingerKeys[], limit: number): Shortlist {
    const votes = this.votes;
    votes.fill(0, 0, this.count);
    let scanned = 0;
    const start = this.baseStart;
    const post = this.basePost;
    for (const f of probe) {
      const slot = slotOf(f.position);
      for (let s = 0; s < SLOTS; s++) {
        if (this.slotPostings[s] === 0 || (slot !== 0 && s !== 0 && s !== slot)) continue;
        const base = s * KEY_SPACE;
        const keys = f.keys;
        if (start) {
          for (let i = 0; i < keys.length; i++) {
            const k = base + keys[i]!;
            const end = start[k + 1]!;
            scanned += end - start[k]!;
            for (let p = start[k]!; p < end; p++) votes[post[p]!]!++;
          }
        }
        const tail = this.tail;
        if (tail.size) {
          for (let i = 0; i < keys.length; i++) {
            const at = tail.find(base + keys[i]!);
            if (at < 0) continue;
            scanned += tail.count(at);
            tail.vote(at, votes);
          }
        }
      }
    }
    return { ...this.top(limit), scanned };
  }

  private top(limit: number): Omit<Shortlist, 'scanned'> {
    const local = new Int32Array(limit);
    const best = new Float64Array(limit);
    let n = 0;
    let sum = 0;
    let sum2 = 0;
    for (let r = 0; r < this.count; r++) {
      if (!this.live[r]) continue;
      const v = this.votes[r]!;
      if (v === 0) continue;
      const score = v * this.norm[r]!;
      sum += score;
      sum2 += score * score;
      if (n === limit && score <= best[n - 1]!) continue;
      let p = n < limit ? n++ : n - 1;
      while (p > 0 && best[p - 1]! < score) {
        best[p] = best[p - 1]!;
        local[p] = local[p - 1]!;
        p--;
      }
      best[p] = score;
      local[p] = r;
    }
    const live = Math.max(1, this.liveCount);
    const mean = sum / live;
    const sd = Math.sqrt(Math.max(0, sum2 / live - mean * mean)) || 1;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = (best[i]! - mean) / sd;
    return { local: local.slice(0, n), votes: best.slice(0, n), z, live: this.liveCount };
  }
}

export interface Shortlist {
  readonly local: Int32Array;
  /** Normalised votes. */
  readonly votes: Float64Array;
  readonly z: Float64Array;
  /** Live records in the segment when it was searched. */
  readonly live: number;
  /** Postings the probe's keys led to. */
  readonly scanned: number;
}
