/**
 * Record ↔ FingerTemplate. One FingerTemplate per finger view. Angles: code × unit (2° ANSI,
 * 360/256° ISO) in radians, and back to the nearest code (half a unit or less of error: 1° ANSI,
 * 0.70° ISO; codes read from a record come back unchanged). Resolution: px/cm × 2.54 rounded to
 * ppi, and back (round trips exactly). Coordinates are rounded to whole pixels when written.
 */
import type { FingerTemplate, Minutia } from '../../biometrics/template.ts';
import { SeccomError } from '../../errors/index.ts';
import { LAYOUTS } from './layout.ts';
import { ansi2009Edition, readAnsi2009Record } from './ansi2009.ts';
import { readMinutiaeRecord } from './read.ts';
import type { Ansi2009Format, Ansi2009Record, FingerViewRecord, MinutiaRecord, MinutiaeFormat, MinutiaeRecord } from './record.ts';

const CM_PER_INCH = 2.54;
const DEG = Math.PI / 180;

/** ANSI 378-2009 shares 2004's angle unit. */
const ANSI_2009_ANGLES = LAYOUTS['ansi378-2004'];
/** 2009 qualities 254 (not computed) and 255 (failed) mean unknown: 0 in FingerTemplate. */
const knownQuality = (q: number) => (q <= 100 ? q : 0);

function minutiaeOf(list: MinutiaRecord[], unitDeg: number, codes: number): FingerTemplate['minutiae'] {
  return list.map((m) => ({ x: m.x, y: m.y, angle: (m.angle % codes) * unitDeg * DEG, type: m.type, quality: m.quality }));
}

const isAnsi2009 = (r: MinutiaeRecord | Ansi2009Record): r is Ansi2009Record => r.format === 'ansi378-2009' || r.format === 'ansi378-2009am1';

export function toFingerTemplates(r: MinutiaeRecord | Ansi2009Record): FingerTemplate[] {
  if (isAnsi2009(r)) {
    return r.views.map((v) => ({
      width: v.width,
      height: v.height,
      ppi: Math.round(v.resolutionX * CM_PER_INCH),
      position: v.position,
      quality: knownQuality(v.quality),
      minutiae: minutiaeOf(v.minutiae, ANSI_2009_ANGLES.angleUnit, ANSI_2009_ANGLES.angleCodes),
    }));
  }
  const { angleUnit, angleCodes } = LAYOUTS[r.format];
  const ppi = Math.round(r.resolutionX * CM_PER_INCH);
  return r.views.map((v) => ({
    width: r.width,
    height: r.height,
    ppi,
    position: v.position,
    quality: v.quality,
    minutiae: minutiaeOf(v.minutiae, angleUnit, angleCodes),
  }));
}

/** Any supported record's finger views as FingerTemplates, the edition taken from the bytes. */
export function readFingerTemplates(bytes: Uint8Array): FingerTemplate[] {
  return toFingerTemplates(ansi2009Edition(bytes) ? readAnsi2009Record(bytes) : readMinutiaeRecord(bytes));
}

export interface RecordOptions {
  productOwner?: number;
  productType?: number;
  compliance?: number;
  equipmentId?: number;
  /** Impression type for every view (default 0, live plain). */
  impression?: number;
  /** ANSI 378-2009: vendor and algorithm of the finger quality (default 0, unreported). */
  qualityVendor?: number;
  qualityAlgorithm?: number;
}

/** Builds a record of one view per template; all templates must share image size and resolution. */
export function fromFingerTemplates(templates: FingerTemplate[], format: MinutiaeFormat, opts: RecordOptions = {}): MinutiaeRecord {
  const first = templates[0];
  if (!first) throw new SeccomError('SECCOM_TEMPLATE_UNENCODABLE', 'no finger templates to encode', { location: { field: 'views' } });
  for (const t of templates) {
    if (t.width !== first.width || t.height !== first.height || t.ppi !== first.ppi) {
      throw new SeccomError('SECCOM_TEMPLATE_UNENCODABLE', 'finger views of one record must share image size and resolution', {
        location: { field: 'views' },
      });
    }
  }
  const { angleUnit, angleCodes } = LAYOUTS[format];
  const resolution = Math.round(first.ppi / CM_PER_INCH);
  const views: FingerViewRecord[] = viewNumbers(templates).map(([t, view]) => ({
    position: t.position,
    view,
    impression: opts.impression ?? 0,
    quality: t.quality,
    minutiae: minutiaRecords(t, angleUnit, angleCodes),
    extensions: [],
  }));
  return {
    format,
    productOwner: opts.productOwner ?? 0,
    productType: opts.productType ?? 0,
    compliance: opts.compliance ?? 0,
    equipmentId: opts.equipmentId ?? 0,
    width: first.width,
    height: first.height,
    resolutionX: resolution,
    resolutionY: resolution,
    views,
  };
}

/** An ANSI 378-2009 record of one view per template, each with its own size and resolution. */
export function toAnsi2009Record(templates: FingerTemplate[], format: Ansi2009Format, opts: RecordOptions = {}): Ansi2009Record {
  const { angleUnit, angleCodes } = ANSI_2009_ANGLES;
  return {
    format,
    productOwner: opts.productOwner ?? 0,
    productType: opts.productType ?? 0,
    compliance: opts.compliance ?? 0,
    equipmentId: opts.equipmentId ?? 0,
    views: viewNumbers(templates).map(([t, view]) => {
      const resolution = Math.round(t.ppi / CM_PER_INCH);
      return {
        position: t.position,
        view,
        impression: opts.impression ?? 0,
        quality: t.quality,
        qualityVendor: opts.qualityVendor ?? 0,
        qualityAlgorithm: opts.qualityAlgorithm ?? 0,
        width: t.width,
        height: t.height,
        resolutionX: resolution,
        resolutionY: resolution,
        minutiae: minutiaRecords(t, angleUnit, angleCodes),
        extensions: [],
      };
    }),
  };
}

/** Views of the same finger are numbered 0, 1, ... as the standards ask. */
function viewNumbers(templates: FingerTemplate[]): [FingerTemplate, number][] {
  const seen = new Map<number, number>();
  return templates.map((t) => {
    const view = seen.get(t.position) ?? 0;
    seen.set(t.position, view + 1);
    return [t, view];
  });
}

function minutiaRecords(t: FingerTemplate, unitDeg: number, codes: number): MinutiaRecord[] {
  return t.minutiae.map((m: Minutia) => ({
    type: m.type,
    x: Math.round(m.x),
    y: Math.round(m.y),
    angle: angleCode(m.angle, unitDeg, codes),
    quality: m.quality,
  }));
}

function angleCode(radians: number, unitDeg: number, codes: number): number {
  const code = Math.round(radians / DEG / unitDeg) % codes;
  return code < 0 ? code + codes : code;
}
