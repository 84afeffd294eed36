/**
 * Type-16 (user-defined testing image) <-> biom:TestImage and Type-99 (CBEFF biometric data) <->
 * biom:CBEFFImage. 16.003 UDI (the user-defined image type) is nc:BinaryDescriptionText and 99.005
 * BCD a capture date-time, as in NIST's own XML sample (nbis-testdata/All-Supported-Records-test-comp.xml).
 * Type-99 items: BDQ QVU, QAV, QAP.
 */
import { fromRows, type Row } from '../nodes.ts';
import { capture, extended, idc, image, quality, rcc } from './common.ts';

const T = 'ansi-nist:TestImage|itl:TestImage';
const testing: Row[] = [
  rcc,
  idc(16),
  ...extended(16),
  ...image(16, T, { description: 3, bpx: 12, geo: 998, date: 5, dui: 903, mms: 904, hps: 16, src: 4, san: 993, vps: 17, dmm: 30, csp: 13, com: 20, quality: 24 }),
];

const C = 'ansi-nist:CBEFFImage';
const cbeff: Row[] = [
  rcc,
  idc(99),
  ...extended(99),
  [`${C}/nc:BinaryBase64Object`, '99.999', { conv: 'base64' }],
  [`${C}/ansi-nist:ImageCaptureDetail/ansi-nist:CaptureDate/nc:DateTime`, '99.005', { conv: 'datetime' }],
  ...capture(99, C, { dui: 903, mms: 904, src: 4, san: 993 }),
  ...quality(C, '99.102'),
  [`${C}/ansi-nist:CBEFFFormatOwnerIdentification/nc:IdentificationID`, '99.103'],
  [`${C}/ansi-nist:CBEFFFormatCategoryIdentification/nc:IdentificationID`, '99.104'],
  [`${C}/ansi-nist:CBEFFVersionIdentification/nc:IdentificationID`, '99.100'],
  [`${C}/ansi-nist:CBEFFCategoryCode`, '99.101', { conv: 'hex8' }],
];

export const testingRecord = fromRows(16, testing);
export const cbeffRecord = fromRows(99, cbeff);
