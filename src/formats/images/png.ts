/**
 * PNG in and out. Our own chunk walk validates structure first (truncation, CRC, IHDR, size limit)
 * so every failure has a code and a byte offset; pngjs then does the inflating and unfiltering.
 */
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import { checkDimensions, type ImageDecodeOptions } from './limits.ts';
import { interleavedToGray } from './to-gray.ts';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const METRES_PER_INCH = 0.0254;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface PngLayout {
  width: number;
  height: number;
  /** End of the IEND chunk: bytes after it are ignored (some writers append junk). */
  end: number;
  ppi?: number;
}

function walkChunks(bytes: Uint8Array, opts: ImageDecodeOptions): PngLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let layout: Omit<PngLayout, 'end'> | undefined;
  let sawData = false;
  let pos = 8;
  for (;;) {
    if (pos + 8 > bytes.length) {
      throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'PNG ends before its IEND chunk', { location: { format: 'png', offset: pos } });
    }
    const length = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    const location = { format: 'png', offset: pos, chunk: type };
    if (!/^[A-Za-z]{4}$/.test(type)) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'PNG chunk type is not four letters', { location });
    const dataEnd = pos + 8 + length;
    if (dataEnd + 4 > bytes.length) {
      throw new SeccomError('SECCOM_IMAGE_TRUNCATED', `PNG chunk ${type} of ${length} bytes runs past the end`, { location });
    }
    if (crc32(bytes.subarray(pos + 4, dataEnd)) !== view.getUint32(dataEnd)) {
      throw new SeccomError('SECCOM_IMAGE_CORRUPT', `PNG chunk ${type} fails its CRC`, { location });
    }
    if (layout === undefined && type !== 'IHDR') {
      throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'PNG does not start with IHDR', { location });
    }
    if (type === 'IHDR') {
      if (length !== 13 || layout) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'PNG IHDR is malformed or repeated', { location });
      const width = view.getUint32(pos + 8);
      const height = view.getUint32(pos + 12);
      checkDimensions(width, height, opts, location);
      layout = { width, height };
    } else if (type === 'pHYs' && length === 9 && bytes[pos + 16] === 1) {
      layout!.ppi = Math.round(view.getUint32(pos + 8) * METRES_PER_INCH);
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      if (!sawData) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'PNG has no IDAT chunk', { location });
      return { ...layout!, end: dataEnd + 4 };
    }
    pos = dataEnd + 4;
  }
}

/** Decodes any PNG (any bit depth, palette, alpha, interlace) to 8-bit gray, keeping pHYs as ppi. */
export function decodePng(bytes: Uint8Array, opts: ImageDecodeOptions = {}): GrayImage {
  if (!isPng(bytes)) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'not a PNG signature', { location: { format: 'png', offset: 0 } });
  const layout = walkChunks(bytes, opts);
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, layout.end));
  } catch (e) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `PNG image data does not decode: ${(e as Error).message}`, {
      location: { format: 'png', chunk: 'IDAT' },
      cause: e,
    });
  }
  // pngjs hands back RGBA whatever the colour type; gray stored as R=G=B and opaque alpha pass unchanged.
  const pixels = interleavedToGray(decoded.data, layout.width * layout.height, 4, true);
  return { width: layout.width, height: layout.height, pixels, ...(layout.ppi ? { ppi: layout.ppi } : {}) };
}

/** Writes 8-bit grayscale PNG (colour type 0); ppi, when known, goes into a pHYs chunk. */
export function encodePng(image: GrayImage): Uint8Array {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height) {
    throw new SeccomError('SECCOM_INVALID_ARGUMENT', `pixel buffer holds ${pixels.length} bytes, expected ${width}x${height}`);
  }
  const png = PNG.sync.write(
    { width, height, data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length) } as PNG,
    { colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false },
  );
  if (!image.ppi) return new Uint8Array(png.buffer, png.byteOffset, png.length);
  const ihdrEnd = 8 + 8 + 13 + 4;
  const phys = pngChunk('pHYs', physData(image.ppi));
  const out = new Uint8Array(png.length + phys.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(phys, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + phys.length);
  return out;
}

function physData(ppi: number): Uint8Array {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  const ppm = Math.round(ppi / METRES_PER_INCH);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1;
  return data;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
