/**
 * Type-10 (face, scar, mark, tattoo) <-> itl:PackageFacialAndSMTImageRecord. The XSD offers
 * itl:FaceImage for IMT FACE and biom:PhysicalFeatureImage for the others; each holds only its own
 * fields (no SMT fields on a face). Item orders of ANSI/NIST-ITL 1-2011: SPA YAW, PIT, ROL, UYW,
 * UPT, URL; SFP/3DF FPT, FPC, HCX, HCY (HCZ); FIP LHC, RHC, TVC, BVC, BBC; DIST IDK, IDM, DSC;
 * SMD SMI, TAC, TSC, TDS; COL TC1..TC6 (one subfield per SMD subfield).
 */
import { fromRows, type Row } from '../nodes.ts';
import { extended, idc, image, polygon, rcc } from './common.ts';

const image10 = (F: string): Row[] =>
  image(10, F, { geo: 998, date: 5, dui: 903, mms: 904, hps: 16, src: 4, san: 993, vps: 17, dmm: 30, csp: 12, com: 38, quality: 24, category: 3 });

const FACE = 'itl:FaceImage|ansi-nist:FaceImage';
const face: Row[] = [
  ...image10(FACE),
  [`${FACE}/ansi-nist:ImageDistortion/ansi-nist:ImageDistortionCategoryCode`, '10.018A'],
  [`${FACE}/ansi-nist:ImageDistortion/ansi-nist:ImageDistortionMeasurementCode`, '10.018B'],
  [`${FACE}/ansi-nist:ImageDistortion/ansi-nist:ImageDistortionSeverityCode`, '10.018C'],
  [`${FACE}/ansi-nist:FaceImage3DPoseAngle/ansi-nist:PosePitchAngleMeasure`, '10.025B'],
  [`${FACE}/ansi-nist:FaceImage3DPoseAngle/ansi-nist:PosePitchUncertaintyValue`, '10.025E'],
  [`${FACE}/ansi-nist:FaceImage3DPoseAngle/ansi-nist:PoseRollAngleMeasure`, '10.025C'],
  [`${FACE}/ansi-nist:FaceImage3DPoseAngle/ansi-nist:PoseRollUncertaintyValue`, '10.025F'],
  [`${FACE}/ansi-nist:FaceImage3DPoseAngle/ansi-nist:PoseYawAngleMeasure`, '10.025A'],
  [`${FACE}/ansi-nist:FaceImage3DPoseAngle/ansi-nist:PoseYawUncertaintyValue`, '10.025D'],
  [`${FACE}/ansi-nist:FaceImageAcquisitionProfileCode`, '10.013'],
  [`${FACE}/ansi-nist:FaceImageAttribute*/ansi-nist:FaceImageAttributeCode`, '10.022A'],
  [`${FACE}/ansi-nist:FaceImageAttribute*/ansi-nist:FaceImageAttributeText`, '10.022B'],
  [`${FACE}/ansi-nist:FaceImageDescriptionCode*`, '10.026'],
  [`${FACE}/ansi-nist:FaceImageEyeColorAttributeCode`, '10.027'],
  [`${FACE}/ansi-nist:FaceImageFeaturePoint*/ansi-nist:FeaturePointHorizontalCoordinateValue`, '10.029C'],
  [`${FACE}/ansi-nist:FaceImageFeaturePoint*/ansi-nist:FeaturePointIdentification/nc:IdentificationID`, '10.029B'],
  [`${FACE}/ansi-nist:FaceImageFeaturePoint*/ansi-nist:FeaturePointCategoryCode`, '10.029A'],
  [`${FACE}/ansi-nist:FaceImageFeaturePoint*/ansi-nist:FeaturePointVerticalCoordinateValue`, '10.029D'],
  [`${FACE}/ansi-nist:FaceImageHairColorAttributeCode+`, '10.028'],
  [`${FACE}/ansi-nist:FaceImagePoseOffsetAngleMeasure`, '10.021'],
  [`${FACE}/ansi-nist:FaceImageSubjectPoseCode`, '10.020'],
  [`${FACE}/itl:FaceImageAcquisitionSource|ansi-nist:FaceImageAcquisitionSource/ansi-nist:CaptureSourceCode`, '10.023A'],
  [`${FACE}/itl:FaceImageAcquisitionSource|ansi-nist:FaceImageAcquisitionSource/ansi-nist:CaptureSourceDescriptionText|itl:CaptureSourceDescriptionText`, '10.023B'],
  [`${FACE}/ansi-nist:FaceImageBoundingSquare/ansi-nist:FaceImageBoundingCategoryCode`, '10.014E'],
  [`${FACE}/ansi-nist:FaceImageBoundingSquare/ansi-nist:SegmentBottomVerticalCoordinateValue`, '10.014D'],
  [`${FACE}/ansi-nist:FaceImageBoundingSquare/ansi-nist:SegmentLeftHorizontalCoordinateValue`, '10.014A'],
  [`${FACE}/ansi-nist:FaceImageBoundingSquare/ansi-nist:SegmentRightHorizontalCoordinateValue`, '10.014B'],
  [`${FACE}/ansi-nist:FaceImageBoundingSquare/ansi-nist:SegmentTopVerticalCoordinateValue`, '10.014C'],
  [`${FACE}/ansi-nist:FaceImageBoundary/ansi-nist:FaceImageBoundaryShapeCode`, '10.015A'],
  ...polygon(`${FACE}/ansi-nist:FaceImageBoundary`, '10.015', 'B', 2),
  [`${FACE}/ansi-nist:FaceImageLightingArtifactsCode*`, '10.019'],
  [`${FACE}/ansi-nist:FaceImageFeaturePointTierCode`, '10.031'],
  [`${FACE}/ansi-nist:FaceImage3DFeaturePoint*/ansi-nist:FeaturePointHorizontalCoordinateValue`, '10.032C'],
  [`${FACE}/ansi-nist:FaceImage3DFeaturePoint*/ansi-nist:FeaturePointIdentification/nc:IdentificationID`, '10.032B'],
  [`${FACE}/ansi-nist:FaceImage3DFeaturePoint*/ansi-nist:FeaturePointCategoryCode`, '10.032A'],
  [`${FACE}/ansi-nist:FaceImage3DFeaturePoint*/ansi-nist:FeaturePointVerticalCoordinateValue`, '10.032D'],
  [`${FACE}/ansi-nist:FaceImage3DFeaturePoint*/ansi-nist:FeaturePointZCoordinateValue`, '10.032E'],
  [`${FACE}/ansi-nist:FaceImageContour*/ansi-nist:FaceImageContourCategoryCode`, '10.033A'],
  ...polygon(`${FACE}/ansi-nist:FaceImageContour*`, '10.033', 'B', 2),
  [`${FACE}/ansi-nist:FaceImageOcclusion*/ansi-nist:FaceImageOcclusionOpacityCode`, '10.045A'],
  [`${FACE}/ansi-nist:FaceImageOcclusion*/ansi-nist:FaceImageOcclusionCategoryCode`, '10.045B'],
  ...polygon(`${FACE}/ansi-nist:FaceImageOcclusion*`, '10.045', 'C', 3),
  [`${FACE}/ansi-nist:ImageTransformationCode*`, '10.044'],
];

const SMT = 'ansi-nist:PhysicalFeatureImage';
const DETAIL = `${SMT}/ansi-nist:PhysicalFeatureDescriptionDetail*`;
const mark: Row[] = [
  ...image10(SMT),
  [`${DETAIL}/ansi-nist:PhysicalFeatureColorDetail/ansi-nist:PhysicalFeaturePrimaryColorCode`, '10.043A'],
  [`${DETAIL}/ansi-nist:PhysicalFeatureColorDetail/ansi-nist:PhysicalFeatureSecondaryColorCode+1`, '10.043A'],
  [`${DETAIL}/ansi-nist:PhysicalFeatureCategoryCode`, '10.042A'],
  [`${DETAIL}/ansi-nist:PhysicalFeatureClassCode`, '10.042B'],
  [`${DETAIL}/ansi-nist:PhysicalFeatureDescriptionText`, '10.042D'],
  [`${DETAIL}/ansi-nist:PhysicalFeatureSubClassCode`, '10.042C'],
  [`${SMT}/ansi-nist:PhysicalFeatureNCICCode*`, '10.040'],
  [`${SMT}/ansi-nist:PhysicalFeatureSize/ansi-nist:PhysicalFeatureHeightMeasure`, '10.041A'],
  [`${SMT}/ansi-nist:PhysicalFeatureSize/ansi-nist:PhysicalFeatureWidthMeasure`, '10.041B'],
  [`${SMT}/ansi-nist:PhysicalFeatureReferenceIdentification/nc:IdentificationID`, '10.039'],
  [`${SMT}/ansi-nist:ImageTransformationCode*`, '10.044'],
];

export const faceRecord = fromRows(10, [rcc, idc(10), ...extended(10), ...face, ...mark], {
  [FACE]: { when: { field: 3, in: ['FACE'] } },
  [SMT]: { when: { field: 3, in: ['SCAR', 'MARK', 'TATTOO'] } },
});
