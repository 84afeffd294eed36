/**
 * The matcher's WebAssembly scoring core (source: wasm/matcher/score.ts, AssemblyScript; bytes:
 * matcher-wasm.gen.ts, rebuilt by scripts/build-wasm.ts), one instance per thread.
 *
 * Prepared probes are copied into the instance's memory on first use and stay there in one of
 * PROBE_SLOTS slots (least recently used out), so a search that alternates between the ten
 * fingers of a probe does not copy them again. The candidate's packed bytes are copied in for
 * each comparison (a few kB).
 */
import { MATCHER_WASM_BASE64 } from './matcher-wasm.gen.ts';
import { EDGE_KEYS, type PackedTemplate } from './packed-template.ts';

/** The probe data the core reads (a PreparedProbe). */
export interface ResidentProbe {
  readonly template: PackedTemplate;
  readonly bucketStart: Int32Array;
  readonly bucketEntries: Uint32Array;
}

/** Probes kept in memory at once per thread (a ten-print search uses up to ten). */
export const PROBE_SLOTS = 16;
/** Slot memory above which every slot is dropped and placement starts again. */
export const SLOT_MEMORY_LIMIT = 64 << 20;

interface Exports {
  readonly memory: WebAssembly.Memory;
  tablesAt(): number;
  lenTolAt(): number;
  candidateAt(): number;
  candidateBytes(): number;
  heapAt(): number;
  configure(angleTol: number, maxPairs: number, roots: number, posTol: number, posTolRel: number, rotTol: number): void;
  score(
    pStart: number, pEntries: number, pX: number, pY: number, pAngle: number, np: number,
    nc: number, cStart: number, cKey: number, cLen: number, cA1: number, cA2: number, cX: number, cY: number, cAngle: number,
  ): number;
}

interface Slot {
  owner: ResidentProbe | null;
  base: number;
  capacity: number;
  lastUse: number;
  start: number;
  entries: number;
  x: number;
  y: number;
  angle: number;
}

export interface CoreParams {
  angleTol: number;
  maxPairs: number;
  roots: number;
  posTol: number;
  posTolRel: number;
  rotTol: number;
  /** Integer length tolerance per edge length 0–255. */
  lenTol: Int32Array;
  /** cos and sin per angle byte. */
  cos: Float64Array;
  sin: Float64Array;
  /** Defaults PROBE_SLOTS and SLOT_MEMORY_LIMIT. */
  slots?: number;
  slotMemoryLimit?: number;
}

const module = new WebAssembly.Module(Buffer.from(MATCHER_WASM_BASE64, 'base64'));

export class WasmCore {
  private readonly x: Exports;
  private bytes: Uint8Array;
  private readonly slots: Slot[] = [];
  private readonly slotOf = new WeakMap<ResidentProbe, Slot>();
  private readonly candidate: number;
  private readonly candidateBytes: number;
  private readonly heap: number;
  private readonly slotMemoryLimit: number;
  private top: number;
  private clock = 0;

  constructor(params: CoreParams) {
    this.x = new WebAssembly.Instance(module, {}).exports as unknown as Exports;
    this.bytes = new Uint8Array(this.x.memory.buffer);
    const tables = this.x.tablesAt();
    new Float64Array(this.x.memory.buffer, tables, 256).set(params.cos);
    new Float64Array(this.x.memory.buffer, tables + 2048, 256).set(params.sin);
    new Int32Array(this.x.memory.buffer, this.x.lenTolAt(), 256).set(params.lenTol);
    this.x.configure(params.angleTol, params.maxPairs, params.roots, params.posTol, params.posTolRel, params.rotTol);
    this.candidate = this.x.candidateAt();
    this.candidateBytes = this.x.candidateBytes();
    this.heap = this.top = this.x.heapAt();
    this.slotMemoryLimit = params.slotMemoryLimit ?? SLOT_MEMORY_LIMIT;
    for (let i = 0; i < (params.slots ?? PROBE_SLOTS); i++) this.slots.push({ owner: null, base: 0, capacity: 0, lastUse: 0, start: 0, entries: 0, x: 0, y: 0, angle: 0 });
  }

  /** The best consistent set of pairs between probe and candidate, as size << 16 | votes. */
  score(probe: ResidentProbe, c: PackedTemplate): number {
    const s = this.resident(probe);
    const b = c.bytes;
    const o = b.byteOffset;
    const end = c.edgeA2.byteOffset + c.edgeCount - o;
    if (end > this.candidateBytes) throw new RangeError(`packed template of ${end} bytes exceeds the matcher's ${this.candidateBytes}`);
    this.bytes.set(end === b.length ? b : b.subarray(0, end), this.candidate);
    return this.x.score(
      s.start, s.entries, s.x, s.y, s.angle, probe.template.count,
      c.count, c.edgeStart.byteOffset - o, c.edgeKey.byteOffset - o, c.edgeLen.byteOffset - o, c.edgeA1.byteOffset - o, c.edgeA2.byteOffset - o,
      c.x.byteOffset - o, c.y.byteOffset - o, c.angle.byteOffset - o,
    );
  }

  /** The probe's slot, copying the probe in (into the least recently used slot) if it is not there. */
  private resident(probe: ResidentProbe): Slot {
    const use = ++this.clock;
    const known = this.slotOf.get(probe);
    if (known && known.owner === probe) {
      known.lastUse = use;
      return known;
    }
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.lastUse < slot.lastUse) slot = s;
    const t = probe.template;
    const n = t.count;
    const startBytes = (EDGE_KEYS + 1) * 4;
    const entryBytes = probe.bucketEntries.length * 4;
    const need = align8(startBytes + entryBytes + 4 * n + n);
    if (slot.capacity < need) this.place(slot, need);
    slot.owner = probe;
    slot.lastUse = use;
    slot.start = slot.base;
    slot.entries = slot.start + startBytes;
    slot.x = slot.entries + entryBytes;
    slot.y = slot.x + 2 * n;
    slot.angle = slot.y + 2 * n;
    const mem = this.bytes;
    mem.set(asBytes(probe.bucketStart), slot.start);
    mem.set(asBytes(probe.bucketEntries), slot.entries);
    mem.set(asBytes(t.x), slot.x);
    mem.set(asBytes(t.y), slot.y);
    mem.set(t.angle, slot.angle);
    this.slotOf.set(probe, slot);
    return slot;
  }

  /** Gives the slot `need` bytes at the top of the slot memory (dropping every slot when it is full). */
  private place(slot: Slot, need: number): void {
    if (this.top + need - this.heap > this.slotMemoryLimit) {
      for (const s of this.slots) {
        s.owner = null;
        s.capacity = 0;
      }
      this.top = this.heap;
    }
    slot.base = this.top;
    slot.capacity = need;
    this.top += need;
    const memory = this.x.memory;
    if (this.top > memory.buffer.byteLength) {
      memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / 65536));
      this.bytes = new Uint8Array(memory.buffer);
    }
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function asBytes(a: Int32Array | Uint32Array | Int16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
