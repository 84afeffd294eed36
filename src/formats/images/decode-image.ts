/** One entry point for every raster the system receives: sniff the container, decode to 8-bit gray. */
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import type { ImageDecodeOptions } from './limits.ts';
import { decodeWsq } from '../wsq/decode.ts';
import { decodeBmp } from './bmp.ts';
import { decodeJpeg } from './jpeg.ts';
import { decodeJpeg2000 } from './jpeg2000.ts';
import { decodePng } from './png.ts';
import { decodeTiff } from './tiff.ts';
import { sniffImageFormat, type ImageFormat } from './sniff.ts';

type Decoder = (bytes: Uint8Array, opts: ImageDecodeOptions) => GrayImage;

const decoders: Record<ImageFormat, Decoder> = {
  png: decodePng,
  tiff: decodeTiff,
  jpeg: decodeJpeg,
  jp2: decodeJpeg2000,
  j2k: decodeJpeg2000,
  bmp: decodeBmp,
  wsq: decodeWsq,
};

/**
 * Decodes an image to 8-bit gray, keeping the resolution the file states. The format is taken from
 * the bytes; `hint.ppi` fills in the resolution when the file has none.
 */
export function decodeImage(bytes: Uint8Array, hint: ImageDecodeOptions & { ppi?: number } = {}): GrayImage {
  const format = sniffImageFormat(bytes);
  if (!format) throw new SeccomError('SECCOM_IMAGE_FORMAT_UNKNOWN', 'unrecognised image signature', { location: { offset: 0 } });
  const image = decoders[format](bytes, hint);
  return image.ppi === undefined && hint.ppi !== undefined ? { ...image, ppi: hint.ppi } : image;
}
