import { defineCodes } from '../define.ts';

/** The WSQ codec (src/formats/wsq). */
export const wsqCodes = defineCodes({
  SECCOM_WSQ_TRUNCATED: {
    status: 422,
    title: 'Truncated WSQ file',
    description: 'The WSQ data ends inside a marker segment or the entropy-coded data. The location gives the byte offset and the marker being read.',
  },
  SECCOM_WSQ_BAD_MARKER: {
    status: 422,
    title: 'Unexpected WSQ marker',
    description: 'A marker is missing, unknown or out of order (for example no SOI at the start, or a block before the frame header).',
  },
  SECCOM_WSQ_BAD_HEADER: {
    status: 422,
    title: 'Invalid WSQ frame header',
    description: 'The SOF frame header has an impossible value: under 32 pixels a side (too small for the five-level decomposition), a zero scale, or a wrong segment length.',
  },
  SECCOM_WSQ_BAD_TABLE: {
    status: 422,
    title: 'Invalid WSQ table',
    description: 'A transform (DTT) or quantization (DQT) table is malformed (even-length filters, wrong length), or is missing when the data needs it.',
  },
  SECCOM_WSQ_BAD_HUFFMAN_TABLE: {
    status: 422,
    title: 'Invalid WSQ Huffman table',
    description: 'A DHT segment is malformed (code counts that overflow the code space, more values than the segment holds, a table id above 7 or repeated), or a block names a table that was not defined.',
  },
  SECCOM_WSQ_BAD_HUFFMAN_DATA: {
    status: 422,
    title: 'Invalid WSQ entropy-coded data',
    description: 'The entropy-coded data holds a bit pattern that is no Huffman code, or decodes to more coefficients than the subbands hold.',
  },
  SECCOM_WSQ_TOO_LARGE: {
    status: 413,
    title: 'WSQ image too large',
    description: 'The frame header claims more pixels than the decoder accepts (100 megapixels by default, `maxPixels` option). Refused before any large allocation.',
  },
  SECCOM_WSQ_ENCODE_INPUT: {
    status: 422,
    title: 'Image cannot be WSQ-encoded',
    description: 'The encoder input is out of range: bitrate not positive, image smaller than 32x32 pixels or larger than 65535 on a side, or pixel buffer of the wrong size.',
  },
});
