/**
 * Canonical Huffman codes of ITU T.81 Annex C, shared by the JPEG and WSQ codecs: code lengths 1..16,
 * counts per length, values in code order.
 */
export const MAX_CODE_LENGTH = 16;

export interface HuffmanSpec {
  /** counts[l - 1] = number of codes of length l. */
  counts: Uint8Array;
  values: Uint8Array;
}

/** Per-length decoding limits (T.81 F.2.2.3): a code of length l is valid when code <= maxCode[l]. */
export interface HuffmanDecoder {
  maxCode: Int32Array;
  minCode: Int32Array;
  firstIndex: Int32Array;
  values: Uint8Array;
}

/** Why a count list cannot be a prefix code, or undefined when it is one. */
export function huffmanSpecProblem(spec: HuffmanSpec): string | undefined {
  let code = 0;
  let total = 0;
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) {
    code += spec.counts[len - 1]!;
    total += spec.counts[len - 1]!;
    if (code > 1 << len) return `more codes of length ≤ ${len} than ${len} bits can hold`;
    code <<= 1;
  }
  if (total !== spec.values.length) return `counts announce ${total} values, table has ${spec.values.length}`;
  return undefined;
}

export function huffmanDecoder(spec: HuffmanSpec): HuffmanDecoder {
  const maxCode = new Int32Array(MAX_CODE_LENGTH + 1).fill(-1);
  const minCode = new Int32Array(MAX_CODE_LENGTH + 1);
  const firstIndex = new Int32Array(MAX_CODE_LENGTH + 1);
  let code = 0;
  let index = 0;
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) {
    const n = spec.counts[len - 1]!;
    if (n > 0) {
      firstIndex[len] = index;
      minCode[len] = code;
      maxCode[len] = code + n - 1;
      code += n;
      index += n;
    }
    code <<= 1;
  }
  return { maxCode, minCode, firstIndex, values: spec.values };
}

/** Code words and lengths per value, for the encoder. */
export function huffmanEncoder(spec: HuffmanSpec): { code: Uint32Array; length: Uint8Array } {
  const code = new Uint32Array(256);
  const length = new Uint8Array(256);
  let next = 0;
  let index = 0;
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) {
    for (let k = 0; k < spec.counts[len - 1]!; k++) {
      const v = spec.values[index++]!;
      code[v] = next++;
      length[v] = len;
    }
    next <<= 1;
  }
  return { code, length };
}
