/**
 * Type-19 (plantar image) <-> itl:PackagePlantarImageRecord / biom:PlantarImage. The record is
 * Type-15's for the foot (ANSI/NIST-ITL 1-2011 Table 52): 19.013 FGP (plantar positions 60-79),
 * 19.018 AMP (FGP, ABC), 19.019 FSP (FGP, NOP, then x,y pairs), 19.024 FQM (FGP, QVU, QAV, QAP).
 */
import { fromRows, type Row } from '../nodes.ts';
import { extended, idc, image, polygon, rcc, ridgeQuality } from './common.ts';

const P = 'ansi-nist:PlantarImage';
const rows: Row[] = [
  rcc,
  idc(19),
  ...extended(19),
  ...image(19, P, { geo: 998, date: 5, dui: 903, mms: 904, hps: 16, src: 4, san: 993, vps: 17, bpx: 12, com: 20, dmm: 30 }),
  [`${P}/ansi-nist:FingerprintImageImpressionCaptureCategoryCode`, '19.003'],
  [`${P}/ansi-nist:PlantarPositionCode`, '19.013'],
  [`${P}/ansi-nist:PlantarImageMissingArea*/ansi-nist:PlantarPositionCode`, '19.018A'],
  [`${P}/ansi-nist:PlantarImageMissingArea*/ansi-nist:PlantarMissingAreaReasonCode`, '19.018B'],
  ...ridgeQuality(`${P}/ansi-nist:PlantarImageQuality*`, 'PlantarPositionCode', '19.024'),
  [`${P}/ansi-nist:PlantarImageSegmentPositionPolygon*/ansi-nist:PlantarPositionCode`, '19.019A'],
  ...polygon(`${P}/ansi-nist:PlantarImageSegmentPositionPolygon*`, '19.019', 'B', 2),
];

export const plantarRecord = fromRows(19, rows);
