/**
 * Windows BMP input, uncompressed: 1/4/8-bit palette, 24-bit BGR and 32-bit BGRA/BGRX (plain or
 * with the standard bit-field masks), bottom-up or top-down. Pixels per metre become ppi.
 */
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import { checkDimensions, type ImageDecodeOptions } from './limits.ts';
import { luma } from './to-gray.ts';

const FILE_HEADER = 14;
const BI_RGB = 0;
const BI_BITFIELDS = 3;
const METRES_PER_INCH = 0.0254;

export function decodeBmp(bytes: Uint8Array, opts: ImageDecodeOptions = {}): GrayImage {
  const fail = (code: 'SECCOM_IMAGE_TRUNCATED' | 'SECCOM_IMAGE_CORRUPT' | 'SECCOM_IMAGE_UNSUPPORTED', message: string, offset: number): never => {
    throw new SeccomError(code, message, { location: { format: 'bmp', offset } });
  };
  if (bytes.length < FILE_HEADER + 16) fail('SECCOM_IMAGE_TRUNCATED', 'BMP ends inside its headers', bytes.length);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = v.getUint32(10, true);
  const dibSize = v.getUint32(14, true);
  if (dibSize < 40) fail('SECCOM_IMAGE_UNSUPPORTED', `BMP header of ${dibSize} bytes (OS/2 format) is not supported`, 14);
  if (bytes.length < FILE_HEADER + dibSize) fail('SECCOM_IMAGE_TRUNCATED', 'BMP ends inside its headers', bytes.length);
  const width = v.getInt32(18, true);
  const rawHeight = v.getInt32(22, true);
  const bpp = v.getUint16(28, true);
  const compression = v.getUint32(30, true);
  const ppm = v.getInt32(38, true);
  const height = Math.abs(rawHeight);
  checkDimensions(width, height, opts, { format: 'bmp', offset: 18 });
  const bitfields = compression === BI_BITFIELDS && bpp === 32 && v.getUint32(54, true) === 0xff0000 && v.getUint32(58, true) === 0xff00 && v.getUint32(62, true) === 0xff;
  if (compression !== BI_RGB && !bitfields) fail('SECCOM_IMAGE_UNSUPPORTED', `BMP compression ${compression} is not supported`, 30);
  if (![1, 4, 8, 24, 32].includes(bpp)) fail('SECCOM_IMAGE_UNSUPPORTED', `${bpp}-bit BMP is not supported`, 28);

  const palette = new Uint8Array(256);
  if (bpp <= 8) {
    const used = v.getUint32(46, true) || 1 << bpp;
    const at = FILE_HEADER + dibSize;
    if (used > 256 || at + 4 * used > bytes.length) fail('SECCOM_IMAGE_CORRUPT', 'BMP colour table does not fit', 46);
    for (let i = 0; i < used; i++) palette[i] = luma(bytes[at + 4 * i + 2]!, bytes[at + 4 * i + 1]!, bytes[at + 4 * i]!);
  }
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) fail('SECCOM_IMAGE_TRUNCATED', 'BMP pixel data is shorter than its size says', bytes.length);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = dataOffset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    const dst = y * width;
    for (let x = 0; x < width; x++) {
      if (bpp >= 24) {
        const p = src + x * (bpp >> 3);
        pixels[dst + x] = luma(bytes[p + 2]!, bytes[p + 1]!, bytes[p]!);
      } else {
        const bit = x * bpp;
        const index = (bytes[src + (bit >> 3)]! >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        pixels[dst + x] = palette[index]!;
      }
    }
  }
  const ppi = ppm > 0 ? Math.round(ppm * METRES_PER_INCH) : undefined;
  return { width, height, pixels, ...(ppi ? { ppi } : {}) };
}
