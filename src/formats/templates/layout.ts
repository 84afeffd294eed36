/**
 * What differs between the two 2005-era layouts of the same "FMR\0 20\0" record:
 * ANSI 378-2004 has a 2-byte length (0 then 4 bytes beyond 65535), a CBEFF product identifier and
 * extended-data lengths that count their own 4-byte header; ISO 19794-2:2005 has a 4-byte length,
 * no product identifier, and extended-data lengths of the body alone.
 */
import type { MinutiaeFormat } from './record.ts';

export interface Layout {
  format: MinutiaeFormat;
  name: string;
  productId: boolean;
  extLengthIncludesHeader: boolean;
  /**
   * Minutia angle unit in degrees, and the number of codes in a full turn. ANSI codes 180..255 lie
   * beyond 360°; the standard's own example uses them, so they are read (and written back) and
   * taken modulo 360° when converted.
   */
  angleUnit: number;
  angleCodes: number;
}

export const LAYOUTS: Record<MinutiaeFormat, Layout> = {
  'ansi378-2004': {
    format: 'ansi378-2004',
    name: 'ANSI INCITS 378-2004',
    productId: true,
    extLengthIncludesHeader: true,
    angleUnit: 2,
    angleCodes: 180,
  },
  'iso19794-2-2005': {
    format: 'iso19794-2-2005',
    name: 'ISO/IEC 19794-2:2005',
    productId: false,
    extLengthIncludesHeader: false,
    angleUnit: 360 / 256,
    angleCodes: 256,
  },
};

export const MAGIC = [0x46, 0x4d, 0x52, 0x00]; // "FMR\0"
export const VERSION_2005 = [0x20, 0x32, 0x30, 0x00]; // " 20\0"
export const HEADER_BYTES = 8;
export const MINUTIA_TYPE_CODES = { other: 0, ending: 1, bifurcation: 2 } as const;
export const IMPRESSION_TYPES = [0, 1, 2, 3, 8] as const;
export const MAX_POSITION = 10;
export const MAX_QUALITY = 100;
export const MAX_COORDINATE = 0x3fff;
