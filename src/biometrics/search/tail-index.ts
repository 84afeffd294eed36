/**
 * A segment's tail index: key → the records holding it, in the order they were added, in typed
 * arrays (open addressing over the keys, one linked list of postings per key). Searches look up
 * every probe key in it, thousands per search, which a Map of arrays made a large share of a
 * small gallery's search time and garbage.
 */
const EMPTY = -1;

export class TailIndex {
  /** Distinct keys held. */
  size = 0;
  /** Postings held. */
  private postings = 0;
  private mask: number;
  /** Hash: the top log2(capacity) bits of a multiplicative hash. */
  private shift: number;
  private keys: Int32Array;
  /** Per slot: first and last posting, and how many. */
  private head: Int32Array;
  private last: Int32Array;
  private counts: Int32Array;
  private record = new Int32Array(1024);
  private next = new Int32Array(1024);

  constructor(capacity = 1024) {
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.head = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
  }

  /** Adds `record` to `key`'s list (keys are non-negative). */
  add(key: number, record: number): void {
    if (this.postings === this.record.length) {
      this.record = grow(this.record);
      this.next = grow(this.next);
    }
    const p = this.postings++;
    this.record[p] = record;
    this.next[p] = EMPTY;
    let s = this.find(key);
    if (s >= 0) {
      this.next[this.last[s]!] = p;
      this.last[s] = p;
      this.counts[s]!++;
      return;
    }
    if (2 * (this.size + 1) > this.keys.length) this.rehash();
    s = this.slotFor(key);
    this.keys[s] = key;
    this.head[s] = p;
    this.last[s] = p;
    this.counts[s] = 1;
    this.size++;
  }

  /** The slot holding `key`, or -1. */
  find(key: number): number {
    for (let s = Math.imul(key, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & this.mask) {
      const k = this.keys[s]!;
      if (k === key) return s;
      if (k === EMPTY) return -1;
    }
  }

  /** Postings of the key in slot `s`. */
  count(s: number): number {
    return this.counts[s]!;
  }

  /** Adds 1 to votes[record] for each posting of the key in slot `s`. */
  vote(s: number, votes: Uint32Array): void {
    for (let p = this.head[s]!; p !== EMPTY; p = this.next[p]!) votes[this.record[p]!]!++;
  }

  /** Calls fn for every posting, each key's postings in the order they were added. */
  forEach(fn: (key: number, record: number) => void): void {
    for (let s = 0; s < this.keys.length; s++) {
      const key = this.keys[s]!;
      if (key === EMPTY) continue;
      for (let p = this.head[s]!; p !== EMPTY; p = this.next[p]!) fn(key, this.record[p]!);
    }
  }

  private slotFor(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.keys[s] !== EMPTY) s = (s + 1) & this.mask;
    return s;
  }

  private rehash(): void {
    const { keys, head, last, counts } = this;
    const capacity = keys.length * 2;
    this.mask = capacity - 1;
    this.shift--;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.head = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    for (let o = 0; o < keys.length; o++) {
      if (keys[o] === EMPTY) continue;
      const s = this.slotFor(keys[o]!);
      this.keys[s] = keys[o]!;
      this.head[s] = head[o]!;
      this.last[s] = last[o]!;
      this.counts[s] = counts[o]!;
    }
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
