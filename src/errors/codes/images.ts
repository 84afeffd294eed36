import { defineCodes } from '../define.ts';

/** Raster image input/output (src/formats/images). */
export const imageCodes = defineCodes({
  SECCOM_IMAGE_FORMAT_UNKNOWN: {
    status: 415,
    title: 'Unknown image format',
    description:
      'The bytes do not start with the signature of a supported image format (PNG, TIFF, JPEG, JPEG 2000, WSQ, BMP). Check that the file or field holds an image.',
  },
  SECCOM_IMAGE_TRUNCATED: {
    status: 422,
    title: 'Truncated image',
    description: 'The image ends before a header, chunk or segment it announces. The location gives the byte offset; the file was cut short.',
  },
  SECCOM_IMAGE_CORRUPT: {
    status: 422,
    title: 'Corrupt image',
    description: 'A header field or the compressed data of the image is invalid (bad checksum, impossible size, undecodable data). The location says where.',
  },
  SECCOM_IMAGE_UNSUPPORTED: {
    status: 415,
    title: 'Unsupported image variant',
    description: 'The image is well formed but uses a feature the decoder does not implement: arithmetic-coded, hierarchical or 12-bit lossy JPEG, colour lossless JPEG, compressed or OS/2 BMP, TIFF samples other than 1, 8 or 16 bits. The message names the feature.',
  },
  SECCOM_IMAGE_TOO_LARGE: {
    status: 413,
    title: 'Image too large',
    description: 'The header claims more pixels than the decoder accepts (100 megapixels by default, `maxPixels` option). Refused before any large allocation.',
  },
});
