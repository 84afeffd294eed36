/**
 * Type-8 signature records (binary header: SIG, SRT, ISR, HLL, VLL, then the data) <->
 * biom:SignatureImage, in biom:ImageType order, then SRT and SIG. The data goes to
 * nc:BinaryBase64Object whatever SRT says, vector data (SRT 2: 5-byte pen vectors) included:
 * the bytes come back exactly, which biom:SignatureImageVectorRepresentation would not promise for
 * a data field that is not a whole number of vectors.
 */
import { fromRows, type Row } from '../nodes.ts';
import { idc, rcc } from './common.ts';

const S = 'ansi-nist:SignatureImage';
const signature: Row[] = [
  rcc,
  idc(8, { conv: 'pad2' }),
  [`${S}/nc:BinaryBase64Object`, '8.008', { conv: 'base64' }],
  [`${S}/ansi-nist:ImageCaptureDetail/ansi-nist:CaptureResolutionCode`, '8.005'],
  [`${S}/ansi-nist:ImageHorizontalLineLengthPixelQuantity`, '8.006'],
  [`${S}/ansi-nist:ImageVerticalLineLengthPixelQuantity`, '8.007'],
  [`${S}/ansi-nist:SignatureRepresentationCode`, '8.004'],
  [`${S}/ansi-nist:SignatureCategoryCode`, '8.003'],
];

export const signatureRecord = fromRows(8, signature);
