/**
 * Optimal Huffman tables from symbol counts, limited to 16-bit codes (ITU T.81 Annex K.2/K.3, which WSQ
 * adopts). A reserved symbol with count 1 keeps the all-ones code unused. Used by the WSQ encoder.
 */
import { MAX_CODE_LENGTH, type HuffmanSpec } from './canonical.ts';

const SYMBOLS = 256;

/** Code length per symbol (0 = unused), including the reserved symbol 256. */
function codeLengths(counts: ArrayLike<number>): Int32Array {
  const freq = Float64Array.from({ length: SYMBOLS + 1 }, (_, i) => (i === SYMBOLS ? 1 : counts[i] ?? 0));
  const size = new Int32Array(SYMBOLS + 1);
  const next = new Int32Array(SYMBOLS + 1).fill(-1);
  for (;;) {
    // The two least frequent live symbols; on ties the higher symbol counts as smaller (Figure K.1).
    let v1 = -1;
    let v2 = -1;
    for (let i = 0; i <= SYMBOLS; i++) {
      if (freq[i] === 0) continue;
      if (v1 < 0 || freq[i]! <= freq[v1]!) {
        v2 = v1;
        v1 = i;
      } else if (v2 < 0 || freq[i]! <= freq[v2]!) v2 = i;
    }
    if (v2 < 0) break;
    freq[v1] += freq[v2]!;
    freq[v2] = 0;
    for (let c = v1; ; c = next[c]!) {
      size[c]++;
      if (next[c] === -1) {
        next[c] = v2;
        break;
      }
    }
    for (let c = v2; c !== -1; c = next[c]!) size[c]++;
  }
  return size;
}

export function buildHuffmanSpec(counts: ArrayLike<number>): HuffmanSpec {
  const size = codeLengths(counts);
  const bits = new Int32Array(2 * MAX_CODE_LENGTH + 2);
  for (let i = 0; i <= SYMBOLS; i++) if (size[i]! > 0) bits[size[i]!]++;
  // Figure K.3: move codes longer than 16 bits up the tree.
  for (let i = bits.length - 1; i > MAX_CODE_LENGTH; i--) {
    while (bits[i]! > 0) {
      let j = i - 2;
      while (bits[j] === 0) j--;
      bits[i] -= 2;
      bits[i - 1]++;
      bits[j + 1] += 2;
      bits[j]--;
    }
  }
  // Remove the reserved symbol's code, the longest one.
  let longest = MAX_CODE_LENGTH;
  while (longest > 0 && bits[longest] === 0) longest--;
  if (longest > 0) bits[longest]--;
  const values: number[] = [];
  for (let len = 1; len < bits.length; len++) for (let v = 0; v < SYMBOLS; v++) if (size[v] === len) values.push(v);
  const countsOut = new Uint8Array(MAX_CODE_LENGTH);
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) countsOut[len - 1] = bits[len]!;
  return { counts: countsOut, values: Uint8Array.from(values) };
}
