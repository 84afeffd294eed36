/**
 * Synthetic ten-print galleries for the search benchmark, cached under the cache folder: person p
 * of a gallery is syntheticTenprint(flows, seed, p) enrolled through one livescan impression
 * (src/biometrics/search/synthetic.ts). A gallery of N persons is the first N persons of the
 * same population, so galleries of different sizes nest, and the cache key covers the sources
 * of everything that shapes a record.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeRecord } from '../../src/biometrics/search/compact.ts';
import { mixSeed, seededRandom } from '../../src/biometrics/search/random.ts';
import { impression, syntheticTenprint, type RidgeFlow } from '../../src/biometrics/search/synthetic.ts';

const sources = ['synthetic.ts', 'random.ts', 'compact.ts'].map((f) => fileURLToPath(new URL(`../../src/biometrics/search/${f}`, import.meta.url)));

/** Seed stream tags: enrolment and probe impressions of a person are independent. */
export const ENROL = 1;
export const PROBE = 2;

export function enrolmentRecord(flows: readonly RidgeFlow[], seed: number, person: number): Uint8Array {
  const random = seededRandom(mixSeed(seed, person, ENROL));
  return encodeRecord(syntheticTenprint(flows, seed, person).map((f) => impression(f, random)));
}

export function probeRecord(flows: readonly RidgeFlow[], seed: number, person: number, take = 0): Uint8Array {
  const random = seededRandom(mixSeed(seed, person, PROBE, take));
  return encodeRecord(syntheticTenprint(flows, seed, person).map((f) => impression(f, random)));
}

/** Records of persons [0, persons), from the cache when present. `flowsKey` names the flows' source. */
export function syntheticGallery(flows: readonly RidgeFlow[], flowsKey: string, seed: number, persons: number, cacheDir: string): Uint8Array[] {
  const h = createHash('sha256').update(flowsKey).update(String(seed));
  for (const f of sources) h.update(readFileSync(f));
  const file = join(cacheDir, `gallery-${h.digest('hex').slice(0, 16)}-${persons}.bin`);
  if (existsSync(file)) return splitRecords(readFileSync(file), persons);
  const records = Array.from({ length: persons }, (_, p) => enrolmentRecord(flows, seed, p));
  mkdirSync(cacheDir, { recursive: true });
  const lengths = new Uint32Array(records.map((r) => r.length));
  writeFileSync(`${file}.tmp`, Buffer.concat([Buffer.from(lengths.buffer), ...records]));
  renameSync(`${file}.tmp`, file);
  return records;
}

function splitRecords(buf: Buffer, persons: number): Uint8Array[] {
  const lengths = new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + 4 * persons));
  const out: Uint8Array[] = [];
  let o = 4 * persons;
  for (let p = 0; p < persons; p++) {
    out.push(new Uint8Array(buf.buffer, buf.byteOffset + o, lengths[p]!));
    o += lengths[p]!;
  }
  return out;
}
