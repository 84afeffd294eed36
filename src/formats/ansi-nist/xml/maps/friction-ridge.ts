/**
 * Friction-ridge image records: Type-4 and Type-7 (binary headers; EBTS sends both as
 * biom:FingerprintImage), Type-13 latent (biom:FrictionRidgeImage), Type-14 variable-resolution
 * fingerprint (itl:FingerprintImage) and Type-15 palmprint (itl:PalmprintImage). Item orders are
 * those of ANSI/NIST-ITL 1-2011: quality FGP, QVU, QAV, QAP; segments FGP, LHC, RHC, TVC, BVC;
 * print position coordinates FVC, LOS, LHC, RHC, TVC, BVC.
 */
import { fromRows, type Row } from '../nodes.ts';
import { extended, idc, image, polygon, rcc, ridgeQuality } from './common.ts';

/** Types 4 and 7: the 18-byte header as elements, IDC and codes without the leading zeros XML adds. */
function binaryImage(t: 4 | 7): Row[] {
  const F = 'ansi-nist:FingerprintImage';
  return [
    rcc,
    idc(t, { conv: 'pad2' }),
    [`${F}/nc:BinaryBase64Object`, `${t}.009`, { conv: 'base64' }],
    [`${F}/ansi-nist:ImageCaptureDetail/ansi-nist:CaptureResolutionCode`, `${t}.005`],
    [`${F}/ansi-nist:ImageCompressionAlgorithmCode`, `${t}.008`],
    [`${F}/ansi-nist:ImageHorizontalLineLengthPixelQuantity`, `${t}.006`],
    [`${F}/ansi-nist:ImageVerticalLineLengthPixelQuantity`, `${t}.007`],
    [`${F}/ansi-nist:FingerprintImagePosition/ansi-nist:FingerPositionCode+`, `${t}.004`],
    [`${F}/ansi-nist:FingerprintImageImpressionCaptureCategoryCode`, `${t}.003`],
  ];
}

/** The capture details every tagged friction-ridge record has (x.004 SRC, x.005 date, x.016/017 scanned ppi, GEO, DUI, MMS, SAN). */
const captured = { geo: 998, date: 5, dui: 903, mms: 904, hps: 16, src: 4, san: 993, vps: 17 };

/** SPD/PPD (x.014: FGP, FIC per subfield) and PPC (x.015) in one major-case element. */
const majorCase = (t: 13 | 14, F: string): Row[] => {
  const M = `${F}/ansi-nist:FingerprintImageMajorCasePrint`;
  const P = `${M}/ansi-nist:MajorCasePrintSegmentOffset*`;
  return [
    [`${M}/ansi-nist:FingerPositionCode*`, `${t}.014A`],
    [`${M}/ansi-nist:MajorCasePrintCode*`, `${t}.014B`],
    [`${P}/ansi-nist:SegmentBottomVerticalCoordinateValue`, `${t}.015F`],
    [`${P}/ansi-nist:SegmentLocationCode`, `${t}.015B`],
    [`${P}/ansi-nist:SegmentFingerViewCode`, `${t}.015A`],
    [`${P}/ansi-nist:SegmentLeftHorizontalCoordinateValue`, `${t}.015C`],
    [`${P}/ansi-nist:SegmentRightHorizontalCoordinateValue`, `${t}.015D`],
    [`${P}/ansi-nist:SegmentTopVerticalCoordinateValue`, `${t}.015E`],
  ];
};

const LATENT = 'ansi-nist:FrictionRidgeImage';
const latent: Row[] = [
  rcc,
  idc(13),
  ...extended(13),
  ...image(13, LATENT, { ...captured, bpx: 12, com: 20 }),
  [`${LATENT}/ansi-nist:FingerprintImageImpressionCaptureCategoryCode`, '13.003'],
  [`${LATENT}/ansi-nist:FrictionRidgePositionCode*`, '13.013'],
  ...majorCase(13, LATENT),
  ...ridgeQuality(`${LATENT}/ansi-nist:FrictionRidgeImageQuality*`, 'FrictionRidgePositionCode', '13.024'),
];

const FP = 'itl:FingerprintImage';
const fingerprint: Row[] = [
  rcc,
  idc(14),
  ['ebts:Type14UserDefinedFields/ebts:ImageSourceCode', '14.200'],
  ...extended(14),
  ...image(14, FP, { ...captured, bpx: 12, com: 20, dmm: 30, scf: 26 }),
  [`${FP}/ansi-nist:FingerprintImageImpressionCaptureCategoryCode`, '14.003'],
  [`${FP}/ansi-nist:FingerPositionCode*`, '14.013'],
  ...majorCase(14, FP),
  [`${FP}/itl:FingerprintImageFingerMissing*/ansi-nist:FingerPositionCode`, '14.018A'],
  [`${FP}/itl:FingerprintImageFingerMissing*/itl:FingerMissingCode|ansi-nist:FingerMissingCode`, '14.018B'],
  [`${FP}/itl:FingerprintImageSegmentPositionSquare*/ansi-nist:FingerPositionCode`, '14.021A'],
  [`${FP}/itl:FingerprintImageSegmentPositionSquare*/ansi-nist:SegmentBottomVerticalCoordinateValue`, '14.021E'],
  [`${FP}/itl:FingerprintImageSegmentPositionSquare*/ansi-nist:SegmentLeftHorizontalCoordinateValue`, '14.021B'],
  [`${FP}/itl:FingerprintImageSegmentPositionSquare*/ansi-nist:SegmentRightHorizontalCoordinateValue`, '14.021C'],
  [`${FP}/itl:FingerprintImageSegmentPositionSquare*/ansi-nist:SegmentTopVerticalCoordinateValue`, '14.021D'],
  [`${FP}/ansi-nist:FingerprintImageNISTQuality*/ansi-nist:FingerPositionCode`, '14.022A'],
  [`${FP}/ansi-nist:FingerprintImageNISTQuality*/ansi-nist:NISTQualityMeasure`, '14.022B'],
  ...ridgeQuality(`${FP}/ansi-nist:FingerprintImageSegmentationQuality*`, 'FingerPositionCode', '14.023'),
  ...ridgeQuality(`${FP}/itl:FingerprintImageQuality|ansi-nist:FingerprintImageQuality*`, 'FingerPositionCode', '14.024'),
  [`${FP}/ansi-nist:FingerprintImageSegmentPositionPolygon*/ansi-nist:FingerPositionCode`, '14.025A'],
  ...polygon(`${FP}/ansi-nist:FingerprintImageSegmentPositionPolygon*`, '14.025', 'B', 2),
  [`${FP}/ansi-nist:FingerprintImageAcquisitionProfileCode`, '14.031'],
  [`${FP}/ansi-nist:FingerprintImageStitchedIndicator`, '14.027', { conv: 'bool' }],
];

const PP = 'itl:PalmprintImage';
const palmprint: Row[] = [
  rcc,
  idc(15),
  ['ebts:Type15UserDefinedFields/ebts:ImageSourceCode', '15.200'],
  ...extended(15),
  ...image(15, PP, { ...captured, bpx: 12, com: 20, dmm: 30 }),
  [`${PP}/ansi-nist:FingerprintImageImpressionCaptureCategoryCode`, '15.003'],
  [`${PP}/ansi-nist:PalmPositionCode`, '15.013'],
  [`${PP}/ansi-nist:PalmprintImageMissingArea*/ansi-nist:PalmPositionCode`, '15.018A'],
  [`${PP}/ansi-nist:PalmprintImageMissingArea*/ansi-nist:PalmMissingAreaReasonCode`, '15.018B'],
  ...ridgeQuality(`${PP}/itl:PalmprintImageQuality|ansi-nist:PalmprintImageQuality*`, 'PalmPositionCode', '15.024'),
];

export const highResolutionRecord = fromRows(4, binaryImage(4));
export const userDefinedImageRecord = fromRows(7, binaryImage(7));
export const latentRecord = fromRows(13, latent);
export const fingerprintRecord = fromRows(14, fingerprint);
export const palmprintRecord = fromRows(15, palmprint);
