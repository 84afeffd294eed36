/**
 * Value spelling between the traditional and XML encodings (dates, booleans, padded codes,
 * base64) and the composite values split over several elements (VER, names, MNU).
 */
import { Buffer } from 'node:buffer';
import { SeccomError, type ErrorLocation } from '../../../errors/index.ts';
import type { Conv, Part } from './skeleton.ts';

const unmapped = (message: string, location: ErrorLocation): never => {
  throw new SeccomError('SECCOM_ANSI_NIST_XML_UNMAPPED', message, { location });
};
const invalid = (message: string, location: ErrorLocation): never => {
  throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', message, { location });
};

/** Traditional spelling -> XML spelling. */
export function toXml(value: string, conv: Conv | undefined, where: ErrorLocation): string {
  switch (conv) {
    case 'date': {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
      return m ? `${m[1]}-${m[2]}-${m[3]}` : unmapped(`"${value}" is not a CCYYMMDD date and has no xs:date form`, where);
    }
    case 'datetime': {
      const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value);
      return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : unmapped(`"${value}" is not a YYYYMMDDhhmmssZ time`, where);
    }
    case 'bool':
      return value === 'Y' ? 'true' : value === 'N' ? 'false' : unmapped(`"${value}" is not Y or N`, where);
    case 'pad2':
      return /^\d+$/.test(value) ? value.padStart(2, '0') : unmapped(`"${value}" is not a number`, where);
    default:
      return value;
  }
}

/** XML spelling -> traditional spelling. */
export function fromXml(text: string, conv: Conv | undefined, where: ErrorLocation): string {
  switch (conv) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
      return m ? `${m[1]}${m[2]}${m[3]}` : invalid(`"${text}" is not a YYYY-MM-DD date`, where);
    }
    case 'datetime': {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text.trim());
      return m ? `${m.slice(1, 7).join('')}Z` : invalid(`"${text}" is not a UTC date-time (YYYY-MM-DDThh:mm:ssZ)`, where);
    }
    case 'bool': {
      const t = text.trim();
      return t === 'true' || t === '1' ? 'Y' : t === 'false' || t === '0' ? 'N' : invalid(`"${text}" is not a boolean`, where);
    }
    case 'pad2':
    case 'int':
      return /^\d+$/.test(text.trim()) ? text.trim().replace(/^0+(?=\d)/, '') : invalid(`"${text}" is not a number`, where);
    default:
      return text;
  }
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}

export function fromBase64(text: string, where: ErrorLocation): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) invalid('binary data is not base64', where);
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

type Parts = Partial<Record<Part, string>>;

function splitRaw(value: string, part: Part): Parts {
  if (part === 'major' || part === 'minor') return { major: value.slice(0, 2), minor: value.slice(2) };
  if (part === 'mnuType' || part === 'mnuId') {
    const dash = value.indexOf('-');
    return dash < 0 ? { mnuId: value } : { mnuType: value.slice(0, dash), mnuId: value.slice(dash + 1) };
  }
  const comma = value.indexOf(',');
  if (comma < 0) return { surname: value };
  const rest = value.slice(comma + 1);
  const sp = rest.indexOf(' ');
  return { surname: value.slice(0, comma), given: sp < 0 ? rest : rest.slice(0, sp), ...(sp < 0 ? {} : { middle: rest.slice(sp + 1) }) };
}

/** Rebuilds a composite value from the parts found in XML. */
export function composeParts(parts: Parts, kind: Part): string {
  if (kind === 'major' || kind === 'minor') return `${parts.major ?? ''}${parts.minor ?? ''}`;
  if (kind === 'mnuType' || kind === 'mnuId') return parts.mnuType ? `${parts.mnuType}-${parts.mnuId ?? ''}` : (parts.mnuId ?? '');
  const hasGiven = parts.given !== undefined || parts.middle !== undefined;
  return `${parts.surname ?? ''}${hasGiven ? `,${parts.given ?? ''}${parts.middle !== undefined ? ` ${parts.middle}` : ''}` : ''}`;
}

/**
 * One part of a composite value, for writing. Empty parts are not written, so the split must
 * rebuild the value exactly without them, or the value is refused (never altered).
 */
export function splitPart(value: string, part: Part, where: ErrorLocation): string | undefined {
  const parts = splitRaw(value, part);
  const written: Parts = {};
  for (const [k, v] of Object.entries(parts) as [Part, string][]) if (v !== '') written[k] = v;
  if (composeParts(written, part) !== value || ((part === 'major' || part === 'minor') && !/^\d{4}$/.test(value))) {
    unmapped(`"${value}" cannot be split into its XML parts and rebuilt unchanged`, where);
  }
  return written[part];
}
