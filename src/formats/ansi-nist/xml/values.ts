/** Value spelling between the traditional and XML encodings (dates, booleans, padded codes, base64). */
import { Buffer } from 'node:buffer';
import { SeccomError, type ErrorLocation } from '../../../errors/index.ts';
import type { Conv } from './nodes.ts';

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
    case 'fmt':
      return value === 'S' ? 'true' : value === 'U' ? 'false' : unmapped(`"${value}" is not S or U`, where);
    case 'pad2':
      return /^\d+$/.test(value) ? value.padStart(2, '0') : unmapped(`"${value}" is not a number`, where);
    case 'unpad2':
      return /^\d{2}$/.test(value) ? String(Number(value)) : unmapped(`"${value}" is not a two-digit number`, where);
    case 'hex8':
      return /^[0-9A-Fa-f]{8}$/.test(value) ? value.replace(/^0+(?=.)/, '') : unmapped(`"${value}" is not eight hex digits`, where);
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
    case 'fmt': {
      const t = text.trim();
      return t === 'true' || t === '1' ? 'S' : t === 'false' || t === '0' ? 'U' : invalid(`"${text}" is not a boolean`, where);
    }
    case 'pad2':
    case 'int':
      return /^\d+$/.test(text.trim()) ? text.trim().replace(/^0+(?=\d)/, '') : invalid(`"${text}" is not a number`, where);
    case 'unpad2':
      return /^\d{1,2}$/.test(text.trim()) ? text.trim().padStart(2, '0') : invalid(`"${text}" is not a number of at most two digits`, where);
    case 'hex8':
      return /^[0-9A-Fa-f]{1,8}$/.test(text.trim()) ? text.trim().padStart(8, '0') : invalid(`"${text}" is not a hex number of at most eight digits`, where);
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
