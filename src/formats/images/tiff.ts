/**
 * TIFF input via the `tiff` package (uncompressed, LZW, Deflate, PackBits; strips or tiles), first
 * page only. The directory is read without pixel data first, so the size is checked before any
 * allocation. 1-, 8- and 16-bit gray, RGB(A) and palette images (the package already inverts
 * WhiteIsZero and unpacks 1-bit samples to 0/1).
 */
import { decode, type TiffIfd } from 'tiff';
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import { checkDimensions, type ImageDecodeOptions } from './limits.ts';
import { interleavedToGray } from './to-gray.ts';

const PALETTE = 3;
const INCH = 2;
const CENTIMETRE = 3;
const CM_PER_INCH = 2.54;

function firstPage(bytes: Uint8Array, ignoreImageData: boolean): TiffIfd {
  let pages: TiffIfd[];
  try {
    pages = decode(bytes, { pages: [0], ignoreImageData });
  } catch (e) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `TIFF does not decode: ${(e as Error).message}`, {
      location: { format: 'tiff', offset: 0 },
      cause: e,
    });
  }
  const page = pages[0];
  if (!page) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'TIFF has no image directory', { location: { format: 'tiff', offset: 4 } });
  return page;
}

function resolution(ifd: TiffIfd): number | undefined {
  let x: number;
  let unit: number;
  try {
    x = ifd.xResolution;
    unit = ifd.resolutionUnit;
  } catch {
    return undefined; // tags absent
  }
  if (!(x > 0)) return undefined;
  if (unit === INCH) return Math.round(x);
  if (unit === CENTIMETRE) return Math.round(x * CM_PER_INCH);
  return undefined;
}

/** Samples to 8 bits: 16-bit scaled by 255/65535 and rounded, 1-bit to 0/255. */
function to8bit(data: ArrayLike<number>, bits: number): Uint8Array {
  if (bits === 8) return data instanceof Uint8Array ? data : Uint8Array.from(data);
  const scale = 255 / (2 ** bits - 1);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.round(data[i]! * scale);
  return out;
}

export function decodeTiff(bytes: Uint8Array, opts: ImageDecodeOptions = {}): GrayImage {
  const head = firstPage(bytes, true);
  const location = { format: 'tiff', offset: 4 };
  checkDimensions(head.width, head.height, opts, location);
  const bits = head.bitsPerSample;
  if (bits !== 1 && bits !== 8 && bits !== 16) throw new SeccomError('SECCOM_IMAGE_UNSUPPORTED', `${bits}-bit TIFF samples are not supported`, { location });
  const ifd = firstPage(bytes, false);
  const { width, height, samplesPerPixel: channels } = ifd;
  const n = width * height;
  if (!(ifd.data instanceof Uint8Array || ifd.data instanceof Uint16Array) || ifd.data.length < n * channels) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'TIFF pixel data is shorter than its size says', { location });
  }
  let pixels: Uint8Array;
  if (ifd.type === PALETTE) {
    const palette = ifd.palette;
    if (!palette) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'palette TIFF without a colour map', { location });
    const rgb = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) {
      const entry = palette[ifd.data[i]!] ?? [0, 0, 0];
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(entry[c]! / 257);
    }
    pixels = interleavedToGray(rgb, n, 3, false);
  } else {
    const hasAlpha = channels === 2 || channels === 4;
    pixels = interleavedToGray(to8bit(ifd.data, bits), n, channels, hasAlpha);
  }
  const ppi = resolution(ifd);
  return { width, height, pixels, ...(ppi ? { ppi } : {}) };
}
