/**
 * Finger Minutiae Records as ANSI INCITS 378-2004 and ISO/IEC 19794-2:2005 define them, field for
 * field in the standards' own units, so a record reads and writes back byte for byte. Convert to
 * the system's FingerTemplate with convert.ts.
 */
import type { MinutiaType } from '../../biometrics/template.ts';

export type MinutiaeFormat = 'ansi378-2004' | 'iso19794-2-2005';

export interface MinutiaRecord {
  type: MinutiaType;
  /** Pixels, origin top-left (14 bits each). */
  x: number;
  y: number;
  /** Counter-clockwise from the x axis, in format units: 2° (ANSI 378) or 360/256° (ISO 19794-2). */
  angle: number;
  /** 0 = not reported, 1..100. */
  quality: number;
}

/** An extended data area of a finger view: type code and body (without its 4-byte header). */
export interface ExtendedData {
  type: number;
  data: Uint8Array;
}

export interface FingerViewRecord {
  /** Finger position code (0 unknown, 1..10 right thumb .. left little). */
  position: number;
  /** View number (4 bits). */
  view: number;
  /** Impression type: 0 live plain, 1 live rolled, 2 non-live plain, 3 non-live rolled, 8 swipe. */
  impression: number;
  quality: number;
  minutiae: MinutiaRecord[];
  /** Extended data areas in file order (ridge counts: type 1, cores and deltas: type 2). */
  extensions: ExtendedData[];
}

export interface MinutiaeRecord {
  format: MinutiaeFormat;
  /** CBEFF product identifier, owner and type (ANSI 378 only; 0 when absent). */
  productOwner: number;
  productType: number;
  /** Capture equipment compliance (4 bits; 8 = certified to Appendix F) and id (12 bits). */
  compliance: number;
  equipmentId: number;
  width: number;
  height: number;
  /** Pixels per centimetre. */
  resolutionX: number;
  resolutionY: number;
  views: FingerViewRecord[];
  /**
   * Set when extended data area lengths count their 4-byte header against the format's rule
   * (some ISO 19794-2:2005 writers do), so the record writes back as it was read.
   */
  extLengthIncludesHeader?: boolean;
}

/**
 * ANSI INCITS 378-2009 and its Amendment 1 (versions "030" and "035", one layout): each finger view
 * carries its own image size and resolution and a quality with the vendor and algorithm that
 * computed it; minutia angles in 2° units as in 2004.
 */
export type Ansi2009Format = 'ansi378-2009' | 'ansi378-2009am1';

export interface Ansi2009View {
  position: number;
  /** View number (0..15). */
  view: number;
  /** Impression type: 0..3 as 2004, 8 swipe, 10/11 palm, 20..29 the 2009 capture-technology codes. */
  impression: number;
  /** 0..100, or 254 (not computed) and 255 (computation failed). */
  quality: number;
  qualityVendor: number;
  qualityAlgorithm: number;
  width: number;
  height: number;
  resolutionX: number;
  resolutionY: number;
  minutiae: MinutiaRecord[];
  extensions: ExtendedData[];
}

export interface Ansi2009Record {
  format: Ansi2009Format;
  productOwner: number;
  productType: number;
  /** Capture equipment compliance byte (0x80 = certified) and 16-bit equipment id. */
  compliance: number;
  equipmentId: number;
  views: Ansi2009View[];
}

/**
 * ISO/IEC 19794-2:2011 ("FMR\0 030\0" in the 19794-1:2011 container): one representation per
 * finger view with its capture time, device, quality records and certificates; angles in 360/256°
 * units; minutiae of 6 bytes, or 5 without quality.
 */
export interface Iso2011View {
  captured: { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number };
  /** Capture device technology (0 unknown … 20 glass fibre), vendor and id. */
  sensorType: number;
  sensorVendor: number;
  sensorId: number;
  qualities: { quality: number; vendor: number; algorithm: number }[];
  /** Present only when the record's certification flag is set. */
  certificates: { authority: number; scheme: number }[];
  position: number;
  view: number;
  resolutionX: number;
  resolutionY: number;
  impression: number;
  width: number;
  height: number;
  /** 0: ridge endings at the valley skeleton bifurcation, 1: at the ridge skeleton end point. */
  endingType: number;
  /** Whether minutiae carry a quality byte (6-byte minutiae) or not (5-byte). */
  minutiaQuality: boolean;
  minutiae: MinutiaRecord[];
  extensions: ExtendedData[];
}

export interface Iso2011Record {
  format: 'iso19794-2-2011';
  certificationFlag: boolean;
  views: Iso2011View[];
}

/** Ridge count extended data (type 1): edge-picking method and (minutia, minutia, count) triples. */
export interface RidgeCounts {
  /** 0 non-specific, 1 four-neighbour (quadrants), 2 eight-neighbour (octants). */
  method: number;
  edges: { from: number; to: number; count: number }[];
}

export const RIDGE_COUNT_TYPE = 0x0001;

/**
 * Decodes a view's ridge count data, if present. Bytes after the last whole triple are ignored:
 * the standard's own example carries two such bytes.
 */
export function ridgeCounts(view: { extensions: ExtendedData[] }): RidgeCounts | undefined {
  const ext = view.extensions.find((e) => e.type === RIDGE_COUNT_TYPE);
  if (!ext || ext.data.length < 1) return undefined;
  const edges = [];
  for (let i = 1; i + 3 <= ext.data.length; i += 3) edges.push({ from: ext.data[i]!, to: ext.data[i + 1]!, count: ext.data[i + 2]! });
  return { method: ext.data[0]!, edges };
}
