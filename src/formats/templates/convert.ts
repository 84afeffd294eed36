/**
 * Record ↔ FingerTemplate. One FingerTemplate per finger view. Angles: code × unit (2° ANSI,
 * 360/256° ISO) in radians, and back to the nearest code (half a unit or less of error: 1° ANSI,
 * 0.70° ISO; codes read from a record come back unchanged). Resolution: px/cm × 2.54 rounded to
 * ppi, and back (round trips exactly). Coordinates are rounded to whole pixels when written.
 */
import type { FingerTemplate, Minutia } from '../../biometrics/template.ts';
import { SeccomError } from '../../errors/index.ts';
import { LAYOUTS } from './layout.ts';
import type { FingerViewRecord, MinutiaeFormat, MinutiaeRecord } from './record.ts';

const CM_PER_INCH = 2.54;
const DEG = Math.PI / 180;

export function toFingerTemplates(r: MinutiaeRecord): FingerTemplate[] {
  const { angleUnit, angleCodes } = LAYOUTS[r.format];
  const ppi = Math.round(r.resolutionX * CM_PER_INCH);
  return r.views.map((v) => ({
    width: r.width,
    height: r.height,
    ppi,
    position: v.position,
    quality: v.quality,
    minutiae: v.minutiae.map((m) => ({ x: m.x, y: m.y, angle: (m.angle % angleCodes) * angleUnit * DEG, type: m.type, quality: m.quality })),
  }));
}

export interface RecordOptions {
  productOwner?: number;
  productType?: number;
  compliance?: number;
  equipmentId?: number;
  /** Impression type for every view (default 0, live plain). */
  impression?: number;
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
  const seen = new Map<number, number>();
  const views: FingerViewRecord[] = templates.map((t) => {
    // Views of the same finger are numbered 0, 1, ... as the standards ask.
    const view = seen.get(t.position) ?? 0;
    seen.set(t.position, view + 1);
    return {
      position: t.position,
      view,
      impression: opts.impression ?? 0,
      quality: t.quality,
      minutiae: t.minutiae.map((m: Minutia) => ({
        type: m.type,
        x: Math.round(m.x),
        y: Math.round(m.y),
        angle: angleCode(m.angle, angleUnit, angleCodes),
        quality: m.quality,
      })),
      extensions: [],
    };
  });
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

function angleCode(radians: number, unitDeg: number, codes: number): number {
  const code = Math.round(radians / DEG / unitDeg) % codes;
  return code < 0 ? code + codes : code;
}
