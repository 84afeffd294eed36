/**
 * Type-8 signature records (binary header: SIG, SRT, ISR, HLL, VLL, then the data) <->
 * biom:SignatureImage, in biom:ImageType order, then SRT and SIG. Scanned signatures (SRT 0, 1)
 * go to nc:BinaryBase64Object; vector data (SRT 2: five-byte vectors, X and Y in 0.0254 mm and
 * the pen pressure, 255 ending the list) to biom:SignatureImageVector elements, one per vector.
 * Vector data that is not a whole number of at least two vectors (the XSD's minimum) stays base64.
 */
import { fromRows, type Row } from '../nodes.ts';
import type { DataGroups } from '../data-groups.ts';
import { idc, rcc } from './common.ts';

const S = 'ansi-nist:SignatureImage';
const V = `${S}/ansi-nist:SignatureImageVectorRepresentation/ansi-nist:SignatureImageVector*`;
const signature: Row[] = [
  rcc,
  idc(8, { conv: 'pad2' }),
  [`${S}/nc:BinaryBase64Object`, '8.008', { conv: 'base64' }],
  [`${S}/ansi-nist:ImageCaptureDetail/ansi-nist:CaptureResolutionCode`, '8.005'],
  [`${S}/ansi-nist:ImageHorizontalLineLengthPixelQuantity`, '8.006'],
  [`${S}/ansi-nist:ImageVerticalLineLengthPixelQuantity`, '8.007'],
  [`${V}/ansi-nist:VectorPenPressureValue`, '8.008C'],
  [`${V}/ansi-nist:VectorPositionVerticalCoordinateValue`, '8.008B'],
  [`${V}/ansi-nist:VectorPositionHorizontalCoordinateValue`, '8.008A'],
  [`${S}/ansi-nist:SignatureRepresentationCode`, '8.004'],
  [`${S}/ansi-nist:SignatureCategoryCode`, '8.003'],
];

export const signatureRecord = fromRows(8, signature);
/** 8.008 as vectors (X, Y, pressure) when SRT is 2. */
export const signatureGroups: DataGroups = { widths: [2, 2, 1], when: { field: 4, in: ['2'] }, min: 2 };
