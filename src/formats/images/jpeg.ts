/**
 * JPEG input via jpeg-js (baseline, extended and progressive Huffman JPEG). Our own marker walk
 * first gives typed errors, the frame size before any allocation, the JFIF resolution, and a clear
 * refusal of arithmetic-coded and hierarchical JPEG, which jpeg-js does not decode. Lossless JPEG
 * (SOF3) goes to our own decoder (jpeg-lossless.ts).
 */
import jpeg from 'jpeg-js';
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import { checkDimensions, DEFAULT_MAX_PIXELS, type ImageDecodeOptions } from './limits.ts';
import { interleavedToGray } from './to-gray.ts';
import { jfifPpi } from './jfif.ts';
import { decodeLosslessJpeg } from './jpeg-lossless.ts';

const SOS = 0xda;
const APP0 = 0xe0;
const SOF3 = 0xc3;
const DECODABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_FRAMES = new Set([0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

interface JpegHeader {
  width: number;
  height: number;
  ppi?: number;
}

/** The frame size and resolution, or 'lossless' for an SOF3 frame. */
function readHeader(b: Uint8Array, opts: ImageDecodeOptions): JpegHeader | 'lossless' {
  const truncated = (offset: number): never => {
    throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG ends inside its header segments', { location: { format: 'jpeg', offset } });
  };
  let pos = 2;
  let ppi: number | undefined;
  let frame: { width: number; height: number } | undefined;
  for (;;) {
    if (pos + 4 > b.length) truncated(pos);
    if (b[pos] !== 0xff) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'JPEG marker expected', { location: { format: 'jpeg', offset: pos } });
    while (b[pos + 1] === 0xff && pos + 5 <= b.length) pos++; // fill bytes
    const marker = b[pos + 1]!;
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    const location = { format: 'jpeg', offset: pos, marker: `0xff${marker.toString(16)}` };
    if (length < 2) throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JPEG segment length ${length}`, { location });
    if (pos + 2 + length > b.length) truncated(pos);
    const body = pos + 4;
    if (marker === APP0) {
      ppi = jfifPpi(b.subarray(body, pos + 2 + length)) ?? ppi;
    } else if (marker === SOF3) {
      return 'lossless';
    } else if (OTHER_FRAMES.has(marker)) {
      throw new SeccomError('SECCOM_IMAGE_UNSUPPORTED', 'arithmetic-coded and hierarchical JPEG are not supported', { location });
    } else if (DECODABLE_FRAMES.has(marker)) {
      if (length < 8) truncated(pos);
      frame = { height: (b[body + 1]! << 8) | b[body + 2]!, width: (b[body + 3]! << 8) | b[body + 4]! };
      if (b[body] !== 8) throw new SeccomError('SECCOM_IMAGE_UNSUPPORTED', `${b[body]}-bit JPEG samples are not supported`, { location });
      checkDimensions(frame.width, frame.height, opts, location);
    } else if (marker === SOS) {
      if (!frame) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'JPEG scan before any frame header', { location });
      return { ...frame, ...(ppi ? { ppi } : {}) };
    }
    pos += 2 + length;
  }
}

export function decodeJpeg(bytes: Uint8Array, opts: ImageDecodeOptions = {}): GrayImage {
  const header = readHeader(bytes, opts);
  if (header === 'lossless') return decodeLosslessJpeg(bytes, opts);
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: true,
      maxResolutionInMP: (opts.maxPixels ?? DEFAULT_MAX_PIXELS) / 1e6,
      maxMemoryUsageInMB: 4096,
    });
  } catch (e) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JPEG data does not decode: ${(e as Error).message}`, {
      location: { format: 'jpeg', marker: 'SOS' },
      cause: e,
    });
  }
  const pixels = interleavedToGray(decoded.data, decoded.width * decoded.height, 3, false);
  return { width: decoded.width, height: decoded.height, pixels, ...(header.ppi ? { ppi: header.ppi } : {}) };
}
