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
import { isIso2011, readIso2011Record } from './iso2011.ts';
import { readMinutiaeRecord } from './read.ts';
import type {
  Ansi2009Format,
  Ansi2009Record,
  FingerViewRecord,
  Iso2011Record,
  Iso2011View,
  MinutiaRecord,
  MinutiaeFormat,
  MinutiaeRecord,
} from './record.ts';

type AnyRecord = MinutiaeRecord | Ansi2009Record | Iso2011Record;

const CM_PER_INCH = 2.54;
const DEG = Math.PI / 180;

/** ANSI 378-2009 shares 2004's angle unit. */
const ANSI_2009_ANGLES = LAYOUTS['ansi378-2004'];
/** 2009 qualities 254 (not computed) and 255 (failed) mean unknown: 0 in FingerTemplate. */
const knownQuality = (q: number) => (q <= 100 ? q : 0);

function minutiaeOf(list: MinutiaRecord[], unitDeg: number, codes: number): FingerTemplate['minutiae'] {
  return list.map((m) => ({ x: m.x, y: m.y, angle: (m.angle % codes) * unitDeg * DEG, type: m.type, quality: m.quality }));
}

const isAnsi2009 = (r: AnyRecord): r is Ansi2009Record => r.format === 'ansi378-2009' || r.format === 'ansi378-2009am1';
const isIso2011Record = (r: AnyRecord): r is Iso2011Record => r.format === 'iso19794-2-2011';
const ISO_ANGLES = LAYOUTS['iso19794-2-2005'];

/** A view that carries its own image size and resolution (the 2009 and 2011 editions). */
function sizedView(
  v: { width: number; height: number; resolutionX: number; position: number; minutiae: MinutiaRecord[] },
  quality: number,
  angles: { angleUnit: number; angleCodes: number },
): FingerTemplate {
  return {
    width: v.width,
    height: v.height,
    ppi: Math.round(v.resolutionX * CM_PER_INCH),
    position: v.position,
    quality: knownQuality(quality),
    minutiae: minutiaeOf(v.minutiae, angles.angleUnit, angles.angleCodes),
  };
}

export function toFingerTemplates(r: AnyRecord): FingerTemplate[] {
  if (isIso2011Record(r)) return r.views.map((v) => sizedView(v, v.qualities[0]?.quality ?? 0, ISO_ANGLES));
  if (isAnsi2009(r)) return r.views.map((v) => sizedView(v, v.quality, ANSI_2009_ANGLES));
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
  if (isIso2011(bytes)) return toFingerTemplates(readIso2011Record(bytes));
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

/** 19794-1:2011's "not reported" capture time. */
const UNREPORTED_TIME: Iso2011View['captured'] = { year: 0xffff, month: 0xff, day: 0xff, hour: 0xff, minute: 0xff, second: 0xff, millisecond: 0xffff };

/** An ISO 19794-2:2011 record of one view per template (6-byte minutiae, capture time from opts). */
export function toIso2011Record(templates: FingerTemplate[], opts: RecordOptions & { captured?: Iso2011View['captured'] } = {}): Iso2011Record {
  return {
    format: 'iso19794-2-2011',
    certificationFlag: false,
    views: viewNumbers(templates).map(([t, view]) => {
      const resolution = Math.round(t.ppi / CM_PER_INCH);
      return {
        captured: opts.captured ?? UNREPORTED_TIME,
        sensorType: 0,
        sensorVendor: opts.productOwner ?? 0,
        sensorId: opts.equipmentId ?? 0,
        qualities: [{ quality: t.quality, vendor: opts.qualityVendor ?? 0, algorithm: opts.qualityAlgorithm ?? 0 }],
        certificates: [],
        position: t.position,
        view,
        resolutionX: resolution,
        resolutionY: resolution,
        impression: opts.impression ?? 0,
        width: t.width,
        height: t.height,
        endingType: 0,
        minutiaQuality: true,
        minutiae: minutiaRecords(t, ISO_ANGLES.angleUnit, ISO_ANGLES.angleCodes),
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
