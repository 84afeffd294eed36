/**
 * Type-9 (minutiae) <-> itl:PackageMinutiaeRecord: the INCITS 378 fields (9.126-9.140,
 * biom:INCITSMinutiae) and the extended feature set (9.300-9.373, biom:ExtendedFeatureSetMinutiae).
 * The legacy ITL 2007 standard-format fields 9.005-9.012 have no element in this schema (the
 * constrained itl.xsd comments itl:Minutiae out); the FBI IAFIS fields 9.014-9.025 are
 * ebts:Minutiae (fbi-minutiae.ts).
 *
 * EFS item orders follow ANSI/NIST-ITL 1-2011 Table 30; those of ROI, ORT, FPP, COR, DEL, MIN, MRC
 * and RCC agree with NIST's BiometricEvaluation EFS reader. EFS paths and polygons are one item,
 * `x,y-x,y-...`, one vertex element per pair. Examiner items are surname then given name.
 */
import { fromRows, type Row } from '../nodes.ts';
import { extended, idc, quality, rcc } from './common.ts';
import { fbiMinutiae } from './fbi-minutiae.ts';

const C = 'ansi-nist:BiometricCaptureDetail';
const N = 'ansi-nist:INCITSMinutiae';
const E = 'ansi-nist:ExtendedFeatureSetMinutiae';
const X = 'ansi-nist:ImageLocationHorizontalCoordinateMeasure';
const Y = 'ansi-nist:ImageLocationVerticalCoordinateMeasure';

/** An EFS polygon or path item, one vertex element per `x,y`. */
const path = (at: string, ref: string, vertices = 'ansi-nist:ImageSegmentPolygon/ansi-nist:ImageSegmentVertex%'): Row[] => [
  [`${at}/${vertices}/${X}`, ref, { coord: 0 }],
  [`${at}/${vertices}/${Y}`, ref, { coord: 1 }],
];

/** A point as two items (x then y) under `at`. */
const point = (at: string, ref: string, x: string, y: string): Row[] => [
  [`${at}/${X}`, `${ref}${x}`],
  [`${at}/${Y}`, `${ref}${y}`],
];

const examiner = (at: string, ref: string, surname: string, given: string, affiliation: string): Row[] => [
  [`${at}/ansi-nist:MinutiaeExaminer/nc:PersonName/nc:PersonGivenName`, `${ref}${given}`],
  [`${at}/ansi-nist:MinutiaeExaminer/nc:PersonName/nc:PersonSurName`, `${ref}${surname}`],
  [`${at}/ansi-nist:MinutiaeExaminerAffiliation/nc:OrganizationName`, `${ref}${affiliation}`],
];

/** FPP 9.302 (FGP, FSM, OCF, SGP): the element depends on the kind of position. */
const location = (el: string, position: string, items: 'all' | 'polygon'): Row[] => [
  [`${E}/ansi-nist:${el}*/ansi-nist:${position}`, '9.302A'],
  ...(items === 'all'
    ? ([
        [`${E}/ansi-nist:${el}*/ansi-nist:SegmentLocationCode`, '9.302B'],
        [`${E}/ansi-nist:${el}*/ansi-nist:FingerprintOffCenterCode`, '9.302C'],
      ] as Row[])
    : []),
  ...path(`${E}/ansi-nist:${el}*`, '9.302D'),
];

const map = (el: string, rows: string, size: string, format: string): Row[] => [
  [`${E}/ansi-nist:${el}/ansi-nist:${el}${el.endsWith('QualityMap') ? 'CellSizeValue' : 'SamplingFrequencyValue'}`, size],
  [`${E}/ansi-nist:${el}/ansi-nist:${el}FormatCode`, format],
  [`${E}/ansi-nist:${el}/ansi-nist:${el}RowText*`, rows],
];

const efs: Row[] = [
  [`${E}/ansi-nist:ExtendedFeatureSetProfileIdentification*/nc:IdentificationID`, '9.303'],
  [`${E}/ansi-nist:FrictionRidgeImageRegionOfInterest/ansi-nist:ImageSegmentWidthMeasure`, '9.300A'],
  [`${E}/ansi-nist:FrictionRidgeImageRegionOfInterest/ansi-nist:ImageSegmentHeightMeasure`, '9.300B'],
  [`${E}/ansi-nist:FrictionRidgeImageRegionOfInterest/ansi-nist:ImageSegmentHorizontalOffsetMeasure`, '9.300C'],
  [`${E}/ansi-nist:FrictionRidgeImageRegionOfInterest/ansi-nist:ImageSegmentVerticalOffsetMeasure`, '9.300D'],
  ...path(`${E}/ansi-nist:FrictionRidgeImageRegionOfInterest`, '9.300E'),
  [`${E}/ansi-nist:FingerprintImageFingerprintOrientation/ansi-nist:OrientationAngleValue`, '9.301A'],
  [`${E}/ansi-nist:FingerprintImageFingerprintOrientation/ansi-nist:OrientationAngleUncertaintyValue`, '9.301B'],
  ...location('MinutiaeFingerLocation', 'FingerPositionCode', 'all'),
  ...location('MinutiaePalmLocation', 'PalmPositionCode', 'polygon'),
  ...location('MinutiaePlantarLocation', 'PlantarPositionCode', 'polygon'),
  [`${E}/ansi-nist:FingerprintPatternClassification*/ansi-nist:FingerprintPatternGeneralClassCode`, '9.307A'],
  [`${E}/ansi-nist:FingerprintPatternClassification*/ansi-nist:FingerprintPatternSubClassCode`, '9.307B'],
  [`${E}/ansi-nist:FingerprintPatternClassification*/ansi-nist:FingerprintPatternWhorlDeltaRelationshipCode`, '9.307C'],
  ...map('MinutiaeRidgeQualityMap', '9.308', '9.309A', '9.309B'),
  ...map('MinutiaeRidgeFlowMap', '9.310', '9.311A', '9.311B'),
  ...map('MinutiaeRidgeWavelengthMap', '9.312', '9.313A', '9.313B'),
  [`${E}/ansi-nist:FrictionRidgeImageTonalReversalCode`, '9.314'],
  [`${E}/ansi-nist:FrictionRidgeImageLateralReversalCode`, '9.315'],
  ...quality(E, '9.316'),
  [`${E}/ansi-nist:MinutiaeGrowthOrShrinkage/ansi-nist:MinutiaeGrowthOrShrinkageCode`, '9.317A'],
  [`${E}/ansi-nist:MinutiaeGrowthOrShrinkage/ansi-nist:MinutiaeCommentText`, '9.317B'],
  [`${E}/ansi-nist:MinutiaeNoCoresPresentIndicator`, '9.325', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaeCore*`, '9.320', 'A', 'B'),
  [`${E}/ansi-nist:MinutiaeCore*/ansi-nist:MinutiaeCoreDirectionMeasure`, '9.320C'],
  [`${E}/ansi-nist:MinutiaeCore*/ansi-nist:ImageLocationUncertaintyRadiusMeasure`, '9.320D'],
  [`${E}/ansi-nist:MinutiaeCore*/ansi-nist:MinutiaeCoreDirectionUncertaintyValue`, '9.320E'],
  [`${E}/ansi-nist:MinutiaeNoDeltasPresentIndicator`, '9.326', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaeDelta*`, '9.321', 'A', 'B'),
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaDirectionUpMeasure`, '9.321C'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaDirectionLeftMeasure`, '9.321D'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaDirectionRightMeasure`, '9.321E'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaCategoryCode`, '9.321F'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:ImageLocationUncertaintyRadiusMeasure`, '9.321G'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaDirectionUpUncertaintyValue`, '9.321H'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaDirectionLeftUncertaintyValue`, '9.321I'],
  [`${E}/ansi-nist:MinutiaeDelta*/ansi-nist:MinutiaeDeltaDirectionRightUncertaintyValue`, '9.321J'],
  [`${E}/ansi-nist:MinutiaeRidgeCountCoreToDelta*/ansi-nist:MinutiaeCoreIdentification/nc:IdentificationID`, '9.322A'],
  [`${E}/ansi-nist:MinutiaeRidgeCountCoreToDelta*/ansi-nist:MinutiaeDeltaIdentification/nc:IdentificationID`, '9.322B'],
  [`${E}/ansi-nist:MinutiaeRidgeCountCoreToDelta*/ansi-nist:RidgeCountMinimumValue`, '9.322C'],
  [`${E}/ansi-nist:MinutiaeRidgeCountCoreToDelta*/ansi-nist:RidgeCountMaximumValue`, '9.322D'],
  [`${E}/ansi-nist:FrictionRidgeImageCenter*/ansi-nist:FrictionRidgeImageCenterLocationMethodCode`, '9.323A'],
  ...point(`${E}/ansi-nist:FrictionRidgeImageCenter*`, '9.323', 'B', 'C'),
  [`${E}/ansi-nist:FrictionRidgeImageCenter*/ansi-nist:ImageLocationUncertaintyRadiusMeasure`, '9.323D'],
  [`${E}/ansi-nist:MinutiaeNoDistinctiveFeaturesPresentIndicator`, '9.327', { conv: 'bool' }],
  [`${E}/ansi-nist:MinutiaeDistinctiveFeature*/ansi-nist:MinutiaeDistinctiveFeatureCategoryCode`, '9.324A'],
  ...path(`${E}/ansi-nist:MinutiaeDistinctiveFeature*`, '9.324B'),
  [`${E}/ansi-nist:MinutiaeDistinctiveFeature*/ansi-nist:MinutiaeCommentText`, '9.324C'],
  [`${E}/ansi-nist:MinutiaeNoMinutiaePresentIndicator`, '9.334', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:EFSMinutia*`, '9.331', 'A', 'B'),
  [`${E}/ansi-nist:EFSMinutia*/ansi-nist:ImageLocationThetaAngleMeasure`, '9.331C'],
  [`${E}/ansi-nist:EFSMinutia*/ansi-nist:EFSMinutiaCategoryCode`, '9.331D'],
  [`${E}/ansi-nist:EFSMinutia*/ansi-nist:ImageLocationUncertaintyRadiusMeasure`, '9.331E'],
  [`${E}/ansi-nist:EFSMinutia*/ansi-nist:MinutiaDirectionUncertaintyValue`, '9.331F'],
  [`${E}/ansi-nist:EFSRidgeCountAlgorithmCode`, '9.332'],
  [`${E}/ansi-nist:EFSRidgeCountItem*/ansi-nist:MinutiaIdentification/nc:IdentificationID`, '9.333A'],
  [`${E}/ansi-nist:EFSRidgeCountItem*/ansi-nist:MinutiaReferenceIdentification/nc:IdentificationID`, '9.333B'],
  [`${E}/ansi-nist:EFSRidgeCountItem*/ansi-nist:RidgeCountValue`, '9.333C'],
  [`${E}/ansi-nist:EFSRidgeCountItem*/ansi-nist:MinutiaeRidgeCountOctantNumeric`, '9.333D'],
  [`${E}/ansi-nist:EFSRidgeCountItem*/ansi-nist:MinutiaeRidgeCountResidualCode`, '9.333E'],
  ...point(`${E}/ansi-nist:MinutiaeRidgeCountConfidence*/ansi-nist:MinutiaLocationPoint`, '9.335', 'A', 'B'),
  ...point(`${E}/ansi-nist:MinutiaeRidgeCountConfidence*/ansi-nist:MinutiaLocationReferencePoint`, '9.335', 'C', 'D'),
  [`${E}/ansi-nist:MinutiaeRidgeCountConfidence*/ansi-nist:MinutiaeRidgeCountMethodCode`, '9.335E'],
  [`${E}/ansi-nist:MinutiaeRidgeCountConfidence*/ansi-nist:MinutiaeRidgeCountConfidenceValue`, '9.335F'],
  [`${E}/ansi-nist:MinutiaeNoDotsPresentIndicator`, '9.346', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaeDot*`, '9.340', 'A', 'B'),
  [`${E}/ansi-nist:MinutiaeDot*/ansi-nist:MinutiaeDotLengthMeasure`, '9.340C'],
  [`${E}/ansi-nist:MinutiaeNoIncipientRidgesPresentIndicator`, '9.347', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaeIncipientRidge*/ansi-nist:MinutiaLocationPoint`, '9.341', 'A', 'B'),
  ...point(`${E}/ansi-nist:MinutiaeIncipientRidge*/ansi-nist:MinutiaLocationReferencePoint`, '9.341', 'C', 'D'),
  [`${E}/ansi-nist:MinutiaeNoCreasesPresentIndicator`, '9.348', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaeFlexionCrease*/ansi-nist:MinutiaLocationPoint`, '9.342', 'A', 'B'),
  ...point(`${E}/ansi-nist:MinutiaeFlexionCrease*/ansi-nist:MinutiaLocationReferencePoint`, '9.342', 'C', 'D'),
  [`${E}/ansi-nist:MinutiaeFlexionCrease*/ansi-nist:MinutiaeFlexionCreaseCategoryCode`, '9.342E'],
  [`${E}/ansi-nist:MinutiaeNoRidgeEdgeFeaturesPresentIndicator`, '9.349', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaeRidgeEdgeOrDiscontinuity*`, '9.343', 'A', 'B'),
  [`${E}/ansi-nist:MinutiaeRidgeEdgeOrDiscontinuity*/ansi-nist:MinutiaeRidgeEdgeOrDiscontinuityCategoryCode`, '9.343C'],
  [`${E}/ansi-nist:MinutiaeNoPoresPresentIndicator`, '9.344', { conv: 'bool' }],
  ...point(`${E}/ansi-nist:MinutiaePore*`, '9.345', 'A', 'B'),
  [`${E}/ansi-nist:MinutiaeFeatureDetection*/ansi-nist:MinutiaeFeatureDetectionFieldListText`, '9.350A'],
  [`${E}/ansi-nist:MinutiaeFeatureDetection*/ansi-nist:MinutiaeFeatureDetectionMethodCode`, '9.350B'],
  [`${E}/ansi-nist:MinutiaeFeatureDetection*/ansi-nist:MinutiaeAlgorithmVendorIdentification/nc:IdentificationID`, '9.350C'],
  [`${E}/ansi-nist:MinutiaeFeatureDetection*/ansi-nist:MinutiaeAlgorithmIdentification/nc:IdentificationID`, '9.350D'],
  ...examiner(`${E}/ansi-nist:MinutiaeFeatureDetection*`, '9.350', 'E', 'F', 'G'),
  [`${E}/ansi-nist:MinutiaeFeatureDetection*/ansi-nist:MinutiaeFeatureDetectionDateTime/nc:DateTime`, '9.350H', { conv: 'datetime' }],
  [`${E}/ansi-nist:MinutiaeFeatureDetection*/ansi-nist:MinutiaeCommentText`, '9.350I'],
  [`${E}/ansi-nist:MinutiaeCommentText`, '9.351'],
  [`${E}/ansi-nist:LatentProcessingCategoryCode*`, '9.352'],
  [`${E}/ansi-nist:MinutiaeValueAssessment/ansi-nist:MinutiaeValueAssessmentResultCode`, '9.353A'],
  ...examiner(`${E}/ansi-nist:MinutiaeValueAssessment`, '9.353', 'B', 'C', 'D'),
  [`${E}/ansi-nist:MinutiaeValueAssessment/ansi-nist:MinutiaeValueAssessmentDateTime/nc:DateTime`, '9.353E', { conv: 'datetime' }],
  [`${E}/ansi-nist:MinutiaeValueAssessment/ansi-nist:MinutiaeAnalysisComplexityCode`, '9.353G'],
  [`${E}/ansi-nist:MinutiaeValueAssessment/ansi-nist:MinutiaeCommentText`, '9.353F'],
  [`${E}/ansi-nist:MinutiaeFraudEvidence*/ansi-nist:MinutiaeFraudEvidenceCategoryCode`, '9.354A'],
  [`${E}/ansi-nist:MinutiaeFraudEvidence*/ansi-nist:MinutiaeCommentText`, '9.354B'],
  [`${E}/ansi-nist:MinutiaeLatentSubstrate*/ansi-nist:MinutiaeLatentSubstrateCategoryCode`, '9.355A'],
  [`${E}/ansi-nist:MinutiaeLatentSubstrate*/ansi-nist:MinutiaeLatentSubstrateDescriptionText`, '9.355B'],
  [`${E}/ansi-nist:MinutiaeLatentMatrix*/ansi-nist:MinutiaeLatentMatrixCategoryCode`, '9.356A'],
  [`${E}/ansi-nist:MinutiaeLatentMatrix*/ansi-nist:MinutiaeCommentText`, '9.356B'],
  [`${E}/ansi-nist:MinutiaeLocalQualityIssues*/ansi-nist:MinutiaeLocalQualityIssuesCategoryCode`, '9.357A'],
  ...path(`${E}/ansi-nist:MinutiaeLocalQualityIssues*`, '9.357B'),
  [`${E}/ansi-nist:MinutiaeLocalQualityIssues*/ansi-nist:MinutiaeCommentText`, '9.357C'],
  [`${E}/ansi-nist:FrictionRidgeImageAreaOfCorrespondence*/ansi-nist:ImageReferenceIdentification/nc:IdentificationID`, '9.360A'],
  ...path(`${E}/ansi-nist:FrictionRidgeImageAreaOfCorrespondence*`, '9.360B'),
  [`${E}/ansi-nist:FrictionRidgeImageAreaOfCorrespondence*/ansi-nist:MinutiaeCommentText`, '9.360C'],
  [`${E}/ansi-nist:MinutiaeFeatureCorrespondence*/ansi-nist:MinutiaeFeatureIdentification/nc:IdentificationID`, '9.361A'],
  [`${E}/ansi-nist:MinutiaeFeatureCorrespondence*/ansi-nist:MinutiaeFeatureCorrespondenceCategoryCode`, '9.361B'],
  [`${E}/ansi-nist:MinutiaeFeatureCorrespondence*/ansi-nist:MinutiaeFeatureCategoryCode`, '9.361C'],
  [`${E}/ansi-nist:MinutiaeFeatureCorrespondence*/ansi-nist:MinutiaeFeatureReferenceIdentification/nc:IdentificationID`, '9.361D'],
  ...point(`${E}/ansi-nist:MinutiaeFeatureCorrespondence*`, '9.361', 'E', 'F'),
  [`${E}/ansi-nist:MinutiaeFeatureCorrespondence*/ansi-nist:MinutiaeCommentText`, '9.361G'],
  [`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*/ansi-nist:ImageReferenceIdentification/nc:IdentificationID`, '9.362A'],
  [`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*/ansi-nist:MinutiaeExaminerComparisonDeterminationResultCode`, '9.362B'],
  [`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*/ansi-nist:MinutiaeExaminerProgressCode`, '9.362C'],
  ...examiner(`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*`, '9.362', 'D', 'E', 'F'),
  [`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*/ansi-nist:MinutiaeExaminerComparisonDeterminationDateTime/nc:DateTime`, '9.362G', { conv: 'datetime' }],
  [`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*/ansi-nist:MinutiaeComparisonComplexityCode`, '9.362I'],
  [`${E}/ansi-nist:MinutiaeExaminerComparisonDetermination*/ansi-nist:MinutiaeCommentText`, '9.362H'],
  [`${E}/ansi-nist:FrictionRidgeImageRelativeRotation*/ansi-nist:ImageReferenceIdentification/nc:IdentificationID`, '9.363A'],
  [`${E}/ansi-nist:FrictionRidgeImageRelativeRotation*/ansi-nist:ImageRelativeOverallRotationValue`, '9.363B'],
  [`${E}/ansi-nist:FrictionRidgeSkeletonizedImageBinaryObject`, '9.372'],
  ...path(`${E}/ansi-nist:MinutiaeImageRidgePathRepresentation/ansi-nist:MinutiaeRidgePathSegment*`, '9.373', 'ansi-nist:ImageSegmentVertex%'),
];

/** INCITS 378 fields. RCI 9.138: the first subfield holds the method (its other items zero), then MIA, MIB, MIR triples. */
const incits: Row[] = [
  [`${N}/ansi-nist:CBEFFFormatOwnerIdentification/nc:IdentificationID`, '9.126A'],
  [`${N}/ansi-nist:CBEFFFormatCategoryIdentification/nc:IdentificationID`, '9.126B'],
  [`${N}/ansi-nist:CBEFFProductIdentification/nc:IdentificationID`, '9.126C'],
  [`${N}/ansi-nist:ImageCaptureDetail/ansi-nist:CaptureDeviceIdentification/nc:IdentificationID`, '9.127B'],
  [`${N}/ansi-nist:ImageCaptureDetail/ansi-nist:CaptureDeviceCertificationCode`, '9.127A'],
  [`${N}/ansi-nist:FingerImpressionImage/ansi-nist:ImageHorizontalLineLengthPixelQuantity`, '9.128'],
  [`${N}/ansi-nist:FingerImpressionImage/ansi-nist:ImageHorizontalPixelDensityValue`, '9.131'],
  [`${N}/ansi-nist:FingerImpressionImage/ansi-nist:ImageScaleUnitsCode`, '9.130'],
  [`${N}/ansi-nist:FingerImpressionImage/ansi-nist:ImageVerticalLineLengthPixelQuantity`, '9.129'],
  [`${N}/ansi-nist:FingerImpressionImage/ansi-nist:ImageVerticalPixelDensityValue`, '9.132'],
  [`${N}/ansi-nist:FingerImpressionImage/ansi-nist:FingerPositionCode`, '9.134'],
  [`${N}/ansi-nist:FingerViewNumeric`, '9.133'],
  ...quality(N, '9.135', 'ansi-nist:MinutiaeQuality'),
  [`${N}/ansi-nist:MinutiaeQuantity`, '9.136'],
  [`${N}/ansi-nist:INCITSMinutia*/ansi-nist:MinutiaIdentification/nc:IdentificationID`, '9.137A'],
  [`${N}/ansi-nist:INCITSMinutia*/ansi-nist:INCITSMinutiaLocation/ansi-nist:PositionHorizontalCoordinateValue`, '9.137B'],
  [`${N}/ansi-nist:INCITSMinutia*/ansi-nist:INCITSMinutiaLocation/ansi-nist:PositionVerticalCoordinateValue`, '9.137C'],
  [`${N}/ansi-nist:INCITSMinutia*/ansi-nist:INCITSMinutiaLocation/ansi-nist:ImageLocationThetaAngleMeasure`, '9.137D'],
  [`${N}/ansi-nist:INCITSMinutia*/ansi-nist:INCITSMinutiaCategoryCode`, '9.137E'],
  [`${N}/ansi-nist:INCITSMinutia*/ansi-nist:MinutiaQualityValue`, '9.137F'],
  [`${N}/ansi-nist:MinutiaeRidgeCountDetail/ansi-nist:INCITSRidgeCountAlgorithmCode`, '9.138A', { sub: 0 }],
  [`${N}/ansi-nist:MinutiaeRidgeCountDetail/-`, '9.138B', { sub: 0, fixed: '0' }],
  [`${N}/ansi-nist:MinutiaeRidgeCountDetail/-`, '9.138C', { sub: 0, fixed: '0' }],
  [`${N}/ansi-nist:MinutiaeRidgeCountDetail/ansi-nist:MinutiaeRidgeCountItem*1/ansi-nist:MinutiaIdentification/nc:IdentificationID`, '9.138A'],
  [`${N}/ansi-nist:MinutiaeRidgeCountDetail/ansi-nist:MinutiaeRidgeCountItem*1/ansi-nist:MinutiaReferenceIdentification/nc:IdentificationID`, '9.138B'],
  [`${N}/ansi-nist:MinutiaeRidgeCountDetail/ansi-nist:MinutiaeRidgeCountItem*1/ansi-nist:RidgeCountValue`, '9.138C'],
  [`${N}/ansi-nist:FingerprintPatternCoreLocation*/ansi-nist:PositionHorizontalCoordinateValue`, '9.139A'],
  [`${N}/ansi-nist:FingerprintPatternCoreLocation*/ansi-nist:PositionVerticalCoordinateValue`, '9.139B'],
  [`${N}/ansi-nist:FingerprintPatternCoreLocation*/ansi-nist:ImageLocationThetaAngleMeasure`, '9.139C'],
  [`${N}/ansi-nist:FingerprintPatternDeltaLocation*/ansi-nist:PositionHorizontalCoordinateValue`, '9.140A'],
  [`${N}/ansi-nist:FingerprintPatternDeltaLocation*/ansi-nist:PositionVerticalCoordinateValue`, '9.140B'],
  [`${N}/ansi-nist:FingerprintPatternDeltaLocation*/ansi-nist:ImageLocationThetaAngleMeasure`, '9.140C'],
  [`${N}/ansi-nist:FingerprintPatternDeltaLocation*/ansi-nist:ImageLocationThetaAngleMeasure`, '9.140D'],
  [`${N}/ansi-nist:FingerprintPatternDeltaLocation*/ansi-nist:ImageLocationThetaAngleMeasure`, '9.140E'],
];

const rows: Row[] = [
  rcc,
  idc(9),
  ...extended(9),
  ['ansi-nist:MinutiaeImpressionCaptureCategoryCode', '9.003'],
  ['ansi-nist:MinutiaeFormatNISTStandardIndicator', '9.004', { conv: 'fmt' }],
  ['ansi-nist:MinutiaeUniversalLatentWorkstationAnnotationText*', '9.901'],
  [`${C}/ansi-nist:CaptureDeviceIdentification/nc:IdentificationID`, '9.903'],
  [`${C}/ansi-nist:CaptureDeviceMakeText`, '9.904A'],
  [`${C}/ansi-nist:CaptureDeviceModelText`, '9.904B'],
  [`${C}/ansi-nist:CaptureDeviceSerialNumberText`, '9.904C'],
  [`${C}/ansi-nist:CaptureOrganization/nc:OrganizationName`, '9.993'],
  ...fbiMinutiae,
  ...efs,
  ...incits,
];

const share = 'fpp';
export const minutiaeRecord = fromRows(9, rows, {
  [`${E}/ansi-nist:MinutiaeFingerLocation*`]: { when: { field: 302, range: [0, 19] }, share },
  [`${E}/ansi-nist:MinutiaePalmLocation*`]: { when: { field: 302, range: [20, 38] }, share },
  [`${E}/ansi-nist:MinutiaePlantarLocation*`]: { when: { field: 302, range: [60, 79] }, share },
});
