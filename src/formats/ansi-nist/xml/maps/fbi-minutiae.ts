/**
 * The FBI IAFIS Type-9 fields (EBTS Appendix J, 9.014-9.025) <-> ebts:Minutiae, the deprecated
 * but still allowed EBTS 10.0 element of itl:PackageMinutiaeRecord. Positions are XXXXYYYY (and
 * TTT for a minutia's angle) in one item, one element each in XML. Item orders: FCP equipment,
 * version, method; APC pattern class, two ridge counts; COF in the XSD's order (upper-left offset,
 * centre of rotation, angle, translated centre, translated offset); CRA position, direction,
 * uncertainty; DLA position, three directions, uncertainty; MAT index, XYT, quality, type, eight
 * ridge counts (neighbour's index then count, octants 0-7 in order) and the octant residuals.
 */
import type { Row } from '../nodes.ts';
import type { SplitKey } from '../splitters.ts';

const M = 'ebts:Minutiae';
const S = `${M}/ebts:MinutiaeFBIStandard`;
const D = `${S}/ebts:MinutiaDetail*`;
const X = 'ansi-nist:PositionHorizontalCoordinateValue';
const Y = 'ansi-nist:PositionVerticalCoordinateValue';

/** XXXXYYYY in item `ref` as the vertex elements under `at`. */
const vertex = (at: string, ref: string): Row[] => [
  [`${at}/${X}`, ref, { split: 'xy.x' }],
  [`${at}/${Y}`, ref, { split: 'xy.y' }],
];

/** CRA and DLA: direction items (one for a core, three for a delta), then the position uncertainty. */
const attribute = (el: string, ref: string, directions: string, uncertainty: string): Row[] => [
  ...[...directions].map((item): Row => [`${M}/ebts:${el}*/ansi-nist:PositionDirectionDegreeValue`, `${ref}${item}`]),
  [`${M}/ebts:${el}*/${X}`, `${ref}A`, { split: 'xy.x' }],
  [`${M}/ebts:${el}*/ansi-nist:PositionUncertaintyValue`, `${ref}${uncertainty}`],
  [`${M}/ebts:${el}*/${Y}`, `${ref}A`, { split: 'xy.y' }],
];

/** The eight ridge counts of a MAT minutia (items E-L), each with its octant and that octant's residual digit (item M). */
const ridgeCounts: Row[] = [...'EFGHIJKL'].flatMap((item, octant): Row[] => {
  const R = `${D}/ebts:MinutiaRidgeCount#${octant}`;
  return [
    [`${R}/ansi-nist:RidgeCountReferenceIdentification/nc:IdentificationID`, `9.023${item}`, { split: 'ridge.ref' }],
    [`${R}/ansi-nist:RidgeCountValue`, `9.023${item}`, { split: 'ridge.count' }],
    [`${R}/ebts:MinutiaOctantNumeric`, `=${octant}`],
    [`${R}/ebts:MinutiaOctantResidualNumeric`, '9.023M', { split: `octants.o${octant}` as SplitKey }],
  ];
});

export const fbiMinutiae: Row[] = [
  [`${M}/ansi-nist:MinutiaeFingerPositionCode`, '9.014', { conv: 'unpad2' }],
  [`${D}/ansi-nist:MinutiaIdentification/nc:IdentificationID`, '9.023A'],
  [`${D}/${X}`, '9.023B', { split: 'xyt.x' }],
  [`${D}/${Y}`, '9.023B', { split: 'xyt.y' }],
  [`${D}/ansi-nist:PositionThetaAngleMeasure`, '9.023B', { split: 'xyt.t' }],
  [`${D}/ansi-nist:MinutiaQualityValue`, '9.023C'],
  ...ridgeCounts,
  [`${D}/ebts:MinutiaTypeCode`, '9.023D'],
  [`${S}/ansi-nist:MinutiaeQuantity`, '9.015'],
  [`${S}/ebts:MinutiaeReadingSystem/ansi-nist:ReadingSystemName`, '9.016A'],
  [`${S}/ebts:MinutiaeReadingSystem/ansi-nist:ReadingSystemSubsystemIdentification/nc:IdentificationID`, '9.016B'],
  [`${S}/ebts:MinutiaeReadingSystem/ebts:ReadingSystemCodingMethodCode`, '9.016C'],
  ...vertex(`${M}/ebts:MinutiaCoordinateOffsets/ebts:OffsetUpperLeftCoordinates`, '9.019A'),
  ...vertex(`${M}/ebts:MinutiaCoordinateOffsets/ebts:OffsetCenterOfRotation`, '9.019B'),
  [`${M}/ebts:MinutiaCoordinateOffsets/ansi-nist:PositionThetaAngleMeasure`, '9.019C'],
  ...vertex(`${M}/ebts:MinutiaCoordinateOffsets/ebts:OffsetTranslatedCenterOfRotation`, '9.019D'),
  ...vertex(`${M}/ebts:MinutiaCoordinateOffsets/ebts:OffsetTranslatedUpperLeftCoordinates`, '9.019E'),
  ...vertex(`${M}/ebts:MinutiaPolygonalVerticesPositions/itl:PositionPolygonVertex*`, '9.018'),
  ...attribute('MinutiaeFingerCoreAttributePosition', '9.021', 'B', 'C'),
  ...attribute('MinutiaeFingerDeltaAttributePosition', '9.022', 'BCD', 'E'),
  [`${M}/ebts:MinutiaeFingerPattern*/ebts:FingerprintPatternClassificationCode`, '9.017A'],
  [`${M}/ebts:MinutiaeFingerPattern*/ansi-nist:RidgeCountValue`, '9.017B'],
  [`${M}/ebts:MinutiaeFingerPattern*/ansi-nist:RidgeCountValue`, '9.017C'],
  [`${M}/ebts:MinutiaCharacterizationQualityValue`, '9.024'],
  [`${M}/ebts:MinutiaClassifierQualityValue`, '9.025'],
  [`${M}/ansi-nist:PositionUncertaintyValue`, '9.020'],
];
