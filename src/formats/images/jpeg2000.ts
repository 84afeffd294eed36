/**
 * JPEG 2000 input (JP2 files and raw J2K codestreams, lossless and lossy, as ANSI/NIST Type-14
 * 'JP2'/'JP2L' carry them) through OpenJPEG compiled to WebAssembly (@cornerstonejs/codec-openjpeg).
 * The module is compiled synchronously on first use, so decodeImage stays synchronous. Our own box
 * and SIZ parsing gives the size before decoding (refusing huge images up front) and the capture
 * resolution from the JP2 'res ' box.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import { checkDimensions, type ImageDecodeOptions } from './limits.ts';
import { interleavedToGray } from './to-gray.ts';

interface J2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean };
  delete(): void;
}
interface OpenJpegModule {
  J2KDecoder: new () => J2KDecoder;
}
interface EmscriptenArgs {
  print(): void;
  printErr(): void;
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): WebAssembly.Exports;
}

const require = createRequire(import.meta.url);
let compiled: WebAssembly.Module | undefined;
let openjpeg: OpenJpegModule | undefined;

/** Instantiates the decoder module synchronously (Emscripten's instantiateWasm hook). */
function openjpegModule(): OpenJpegModule {
  if (openjpeg) return openjpeg;
  const factory = require('@cornerstonejs/codec-openjpeg/decodewasmjs') as (args: EmscriptenArgs) => unknown;
  compiled ??= new WebAssembly.Module(readFileSync(require.resolve('@cornerstonejs/codec-openjpeg/decodewasm')));
  const wasm = compiled;
  const args = {
    print() {},
    printErr() {},
    instantiateWasm(imports: WebAssembly.Imports, done: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) {
      const instance = new WebAssembly.Instance(wasm, imports);
      done(instance, wasm);
      return instance.exports;
    },
  };
  factory(args);
  openjpeg = args as unknown as OpenJpegModule;
  return openjpeg;
}

interface J2kHeader {
  width: number;
  height: number;
  /** Offset of the codestream (after the JP2 boxes). */
  codestream: number;
  ppi?: number;
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 0x10000 + u16(b, i + 2);
const type4 = (b: Uint8Array, i: number) => String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);

function truncated(offset: number): never {
  throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG 2000 data ends inside a header', { location: { format: 'jp2', offset } });
}

/** Box list of [start, end): type, content start and end. */
function boxes(b: Uint8Array, start: number, end: number): { type: string; at: number; body: number; end: number }[] {
  const out = [];
  let pos = start;
  while (pos < end) {
    if (pos + 8 > end) truncated(pos);
    let length = u32(b, pos);
    let body = pos + 8;
    if (length === 1) {
      if (pos + 16 > end) truncated(pos);
      length = u32(b, pos + 8) * 2 ** 32 + u32(b, pos + 12);
      body = pos + 16;
    } else if (length === 0) length = end - pos;
    if (length < body - pos) throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JP2 box length ${length}`, { location: { format: 'jp2', offset: pos } });
    if (pos + length > end) truncated(pos);
    out.push({ type: type4(b, pos + 4), at: pos, body, end: pos + length });
    pos += length;
  }
  return out;
}

/** Capture (else display) resolution: pixels per metre = N / D × 10^E, vertical first in the box. */
function resolutionPpi(b: Uint8Array, box: { body: number; end: number }): number | undefined {
  const inner = boxes(b, box.body, box.end);
  const res = inner.find((x) => x.type === 'resc') ?? inner.find((x) => x.type === 'resd');
  if (!res || res.end - res.body < 10) return undefined;
  const num = u16(b, res.body + 4);
  const den = u16(b, res.body + 6);
  const exp = (b[res.body + 9]! << 24) >> 24;
  if (num === 0 || den === 0) return undefined;
  return Math.round((num / den) * 10 ** exp * 0.0254);
}

function readSiz(b: Uint8Array, at: number): { width: number; height: number } {
  if (at + 24 > b.length) truncated(at);
  if (u16(b, at) !== 0xff4f || u16(b, at + 2) !== 0xff51) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'JPEG 2000 codestream does not start with SOC, SIZ', { location: { format: 'jp2', offset: at } });
  }
  const xsiz = u32(b, at + 8);
  const ysiz = u32(b, at + 12);
  return { width: xsiz - u32(b, at + 16), height: ysiz - u32(b, at + 20) };
}

function readHeader(b: Uint8Array): J2kHeader {
  if (u16(b, 0) === 0xff4f) return { ...readSiz(b, 0), codestream: 0 };
  const top = boxes(b, 0, b.length);
  const code = top.find((x) => x.type === 'jp2c');
  if (!code) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'JP2 file has no codestream box', { location: { format: 'jp2', offset: 0 } });
  const header = top.find((x) => x.type === 'jp2h');
  const res = header && boxes(b, header.body, header.end).find((x) => x.type === 'res ');
  const ppi = res && resolutionPpi(b, res);
  return { ...readSiz(b, code.body), codestream: code.body, ...(ppi ? { ppi } : {}) };
}

export function decodeJpeg2000(bytes: Uint8Array, opts: ImageDecodeOptions = {}): GrayImage {
  const header = readHeader(bytes);
  checkDimensions(header.width, header.height, opts, { format: 'jp2', offset: header.codestream });
  const decoder = new (openjpegModule().J2KDecoder)();
  try {
    const stream = bytes.subarray(header.codestream);
    decoder.getEncodedBuffer(stream.length).set(stream);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const { width, height, componentCount: channels } = info;
    const n = width * height;
    // OpenJPEG reports most failures by producing no image rather than by throwing.
    if (width === 0 || height === 0) throw new Error('OpenJPEG produced no image (damaged or truncated codestream)');
    if (width !== header.width || height !== header.height || channels < 1 || channels > 4) {
      throw new Error(`decoded ${width}x${height} with ${channels} components, not what the header says`);
    }
    const raw = decoder.getDecodedBuffer();
    const samples = info.bitsPerSample <= 8 ? raw : new Uint16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
    const bytesOut = new Uint8Array(n * channels);
    const shift = Math.max(0, info.bitsPerSample - 8);
    const offset = info.isSigned ? 1 << (info.bitsPerSample - 1) : 0;
    for (let i = 0; i < bytesOut.length; i++) bytesOut[i] = ((samples[i]! + offset) & ((1 << info.bitsPerSample) - 1)) >> shift;
    const pixels = interleavedToGray(bytesOut, n, channels, channels === 2 || channels === 4);
    return { width, height, pixels, ...(header.ppi ? { ppi: header.ppi } : {}) };
  } catch (e) {
    if (e instanceof SeccomError) throw e;
    // A trap (or an abort) can leave the WebAssembly instance unusable: start a fresh one next time.
    if (e instanceof WebAssembly.RuntimeError || !(e instanceof Error)) openjpeg = undefined;
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JPEG 2000 data does not decode: ${e instanceof Error ? e.message : String(e)}`, {
      location: { format: 'jp2', offset: header.codestream },
      cause: e,
    });
  } finally {
    try {
      decoder.delete();
    } catch {
      // the instance may already be gone after a trap
    }
  }
}
