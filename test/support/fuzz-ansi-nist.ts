/**
 * Mutation fuzzing of the ANSI/NIST-ITL reader over the real files: deterministic (seeded), used
 * by the CI fuzz test and by the long run of `npm run fuzz`. Each case must either parse or fail
 * with a SeccomError of the ANSI/NIST area; a case that parses without errors must write back to
 * the same bytes.
 */
import { Buffer } from 'node:buffer';
import { isSeccomError } from '../../src/errors/index.ts';
import { errorsOf, parseAnsiNist, writeAnsiNist } from '../../src/formats/ansi-nist/index.ts';

/** mulberry32: a small seeded PRNG, so every run sees the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const separators = [0x1c, 0x1d, 0x1e, 0x1f];

/** One mutated copy of `src`: byte flips, separator swaps, digit edits, cuts, splices or huge LENs. */
export function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  const out = Buffer.from(src);
  const kind = pick(7);
  // Mutations cluster near structure: headers and separators live in the first bytes of records.
  const near = () => (rand() < 0.7 ? pick(Math.min(out.length, 600)) : pick(out.length));
  switch (kind) {
    case 0:
      for (let k = 1 + pick(4); k > 0; k--) out[near()] = pick(256);
      return out;
    case 1: {
      const seps: number[] = [];
      for (let i = 0; i < Math.min(out.length, 4000); i++) if (separators.includes(out[i]!)) seps.push(i);
      if (seps.length > 0) out[seps[pick(seps.length)]!] = separators[pick(4)]!;
      return out;
    }
    case 2: {
      const digits: number[] = [];
      for (let i = 0; i < Math.min(out.length, 4000); i++) if (out[i]! >= 0x30 && out[i]! <= 0x39) digits.push(i);
      if (digits.length > 0) out[digits[pick(digits.length)]!] = 0x30 + pick(10);
      return out;
    }
    case 3:
      return out.subarray(0, pick(out.length));
    case 4: {
      const at = near();
      const len = 1 + pick(40);
      return Buffer.concat([out.subarray(0, at), out.subarray(pick(out.length), at + len), out.subarray(at)]);
    }
    case 5: {
      const at = near();
      return Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + pick(40)))]);
    }
    default: {
      // A binary LEN claiming up to 4 GB, or a huge tagged LEN value.
      const at = near();
      for (let k = 0; k < 4 && at + k < out.length; k++) out[at + k] = 0xff;
      return out;
    }
  }
}

export interface FuzzStats {
  cases: number;
  parsedClean: number;
  rejected: Record<string, number>;
}

/** Runs one case; throws a plain Error when an invariant breaks. */
export function fuzzCase(bytes: Uint8Array, stats: FuzzStats): void {
  stats.cases++;
  let parsed;
  try {
    parsed = parseAnsiNist(bytes);
  } catch (e) {
    if (!isSeccomError(e) || !e.code.startsWith('SECCOM_ANSI_NIST_') || !e.location) {
      throw new Error(`reader failed without a located ANSI/NIST SeccomError: ${(e as Error)?.stack ?? e}`);
    }
    stats.rejected[e.code] = (stats.rejected[e.code] ?? 0) + 1;
    return;
  }
  const errors = errorsOf(parsed.violations);
  if (errors.length > 0) {
    stats.rejected[errors[0]!.code] = (stats.rejected[errors[0]!.code] ?? 0) + 1;
    return;
  }
  stats.parsedClean++;
  const again = writeAnsiNist(parsed.file);
  if (!Buffer.from(again).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) {
    throw new Error('a file read without errors did not write back to the same bytes');
  }
}

/** Mutates the inputs round-robin for `iterations` cases (or until `deadline`, ms since epoch). */
export function fuzzAnsiNist(inputs: Uint8Array[], seed: number, iterations: number, deadline = Infinity): FuzzStats {
  const rand = prng(seed);
  const stats: FuzzStats = { cases: 0, parsedClean: 0, rejected: {} };
  for (let i = 0; i < iterations && Date.now() < deadline; i++) {
    const src = inputs[i % inputs.length]!;
    const bytes = mutate(src, rand);
    try {
      fuzzCase(bytes, stats);
    } catch (e) {
      throw new Error(`seed ${seed} case ${i} (input ${i % inputs.length}, ${bytes.length} bytes): ${(e as Error).message}`);
    }
  }
  return stats;
}
