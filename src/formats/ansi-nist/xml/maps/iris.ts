/**
 * Type-17 (iris) <-> itl:PackageIrisImageRecord / biom:IrisImage. Item orders of ANSI/NIST-ITL
 * 1-2011: IPC IHO, IVO, IST; SSV LOW, HIG; boundaries BYC, NOP, then x,y pairs; occlusions OCY,
 * OCT, NOP, then x,y pairs. 17.018 GUI has no element in this schema.
 */
import { fromRows, type Row } from '../nodes.ts';
import { extended, idc, image, polygon, rcc } from './common.ts';

const I = 'ansi-nist:IrisImage';

const boundary = (el: string, field: string): Row[] => [
  [`${I}/ansi-nist:${el}/ansi-nist:IrisBoundaryShapeCode`, `${field}A`],
  ...polygon(`${I}/ansi-nist:${el}`, field, 'B', 2, 'ansi-nist:ImageFeatureVertex', 'ansi-nist:ImageFeatureVertexQuantity'),
];

const rows: Row[] = [
  rcc,
  idc(17),
  ...extended(17),
  ...image(17, I, { bpx: 12, geo: 998, date: 5, dui: 17, mms: 19, hps: 22, src: 4, san: 993, vps: 23, dmm: 30, csp: 13, com: 21, quality: 24 }),
  [`${I}/ansi-nist:IrisEyePositionCode`, '17.003'],
  [`${I}/ansi-nist:IrisEyeRotationAngleText`, '17.014'],
  [`${I}/ansi-nist:IrisEyeRotationUncertaintyValueText`, '17.015'],
  [`${I}/ansi-nist:IrisImageCapture/ansi-nist:IrisImageHorizontalOrientationCode`, '17.016A'],
  [`${I}/ansi-nist:IrisImageCapture/ansi-nist:IrisImageScanCategoryCode`, '17.016C'],
  [`${I}/ansi-nist:IrisImageCapture/ansi-nist:IrisImageVerticalOrientationCode`, '17.016B'],
  [`${I}/ansi-nist:IrisEyeColorAttributeCode`, '17.020'],
  [`${I}/ansi-nist:IrisImageAcquisitionLightingSpectrum/ansi-nist:AcquisitionLightingSpectrumCode`, '17.025'],
  [`${I}/ansi-nist:IrisImageAcquisitionLightingSpectrum/ansi-nist:AcquisitionLightingSpectrumLowerMeasure`, '17.027A'],
  [`${I}/ansi-nist:IrisImageAcquisitionLightingSpectrum/ansi-nist:AcquisitionLightingSpectrumUpperMeasure`, '17.027B'],
  [`${I}/ansi-nist:IrisDiameterPixelQuantity`, '17.026'],
  [`${I}/ansi-nist:IrisImageMissingReasonCode`, '17.028'],
  [`${I}/ansi-nist:IrisImageAcquisitionProfileCode`, '17.031'],
  [`${I}/ansi-nist:IrisImageStorageFormatCode`, '17.032'],
  ...boundary('IrisImageIrisPupilBoundary', '17.033'),
  ...boundary('IrisImageIrisScleraBoundary', '17.034'),
  ...boundary('IrisImageIrisUpperEyelidBoundary', '17.035'),
  ...boundary('IrisImageIrisLowerEyelidBoundary', '17.036'),
  [`${I}/ansi-nist:IrisImageOcclusion*/ansi-nist:IrisImageOcclusionOpacityCode`, '17.037A'],
  [`${I}/ansi-nist:IrisImageOcclusion*/ansi-nist:IrisImageOcclusionCategoryCode`, '17.037B'],
  ...polygon(`${I}/ansi-nist:IrisImageOcclusion*`, '17.037', 'C', 3, 'ansi-nist:ImageFeatureVertex', 'ansi-nist:ImageFeatureVertexQuantity'),
  [`${I}/ansi-nist:IrisImageRangeMeasure`, '17.040'],
  [`${I}/ansi-nist:IrisImageGazeAngleMeasure`, '17.041'],
];

export const irisRecord = fromRows(17, rows);
