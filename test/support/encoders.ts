/**
 * Reference encoders for tests: OpenJPEG's own JPEG 2000 encoder (the full build of the package
 * the decoder uses) and a minimal baseline TIFF writer, to make inputs the shared data lacks.
 */
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import type { GrayImage } from '../../src/formats/images/index.ts';

/** OpenJPEG's own encoder (the same package's full build), to make reference codestreams. */
export async function j2kEncode(img: GrayImage, lossless: boolean): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const factory = require('@cornerstonejs/codec-openjpeg/wasmjs') as (a: object) => Promise<Record<string, new () => Record<string, (...a: unknown[]) => unknown>>>;
  const m = await factory({ print() {}, printErr() {} });
  const enc = new m.J2KEncoder!();
  (enc.getDecodedBuffer!({ width: img.width, height: img.height, bitsPerSample: 8, componentCount: 1, isSigned: false }) as Uint8Array).set(img.pixels);
  enc.setQuality!(lossless, 0);
  if (!lossless) enc.setCompressionRatio!(0, 15);
  enc.encode!();
  const out = (enc.getEncodedBuffer!() as Uint8Array).slice();
  enc.delete!();
  return out;
}

/** A baseline TIFF: one strip, 8/16-bit samples, optional Deflate, resolution in dpi. */
export function tiffFile(img: GrayImage, opts: { photometric?: number; bits?: 8 | 16; rgb?: boolean; deflate?: boolean; dpi?: number }): Uint8Array {
  const spp = opts.rgb ? 3 : 1;
  const bits = opts.bits ?? 8;
  const raw = Buffer.alloc(img.width * img.height * spp * (bits / 8));
  for (let i = 0; i < img.pixels.length; i++) {
    for (let c = 0; c < spp; c++) {
      const v = opts.photometric === 0 ? 255 - img.pixels[i]! : img.pixels[i]!;
      if (bits === 8) raw[i * spp + c] = v;
      else raw.writeUInt16LE(v * 257, 2 * (i * spp + c));
    }
  }
  const strip = opts.deflate ? deflateSync(raw) : raw;
  const entries: [number, number, number][] = [
    [256, 4, img.width],
    [257, 4, img.height],
    [258, 3, bits],
    [259, 3, opts.deflate ? 8 : 1],
    [262, 3, opts.photometric ?? (opts.rgb ? 2 : 1)],
    [273, 4, 0],
    [277, 3, spp],
    [278, 4, img.height],
    [279, 4, strip.length],
    [282, 5, 0],
    [283, 5, 0],
    [296, 3, 2],
  ];
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalAt = ifdAt + ifdSize;
  const stripAt = rationalAt + 8;
  const out = Buffer.alloc(stripAt + strip.length);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifdAt, 4);
  out.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdAt + 2 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(1, at + 4);
    if (tag === 273) value = stripAt;
    if (type === 5) value = rationalAt;
    if (type === 3) out.writeUInt16LE(value, at + 8);
    else out.writeUInt32LE(value, at + 8);
  });
  out.writeUInt32LE(opts.dpi ?? 500, rationalAt);
  out.writeUInt32LE(1, rationalAt + 4);
  out.set(strip, stripAt);
  return out;
}

