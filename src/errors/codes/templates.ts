import { defineCodes } from '../define.ts';

/** ANSI INCITS 378 / ISO/IEC 19794-2 minutiae templates (src/formats/templates). */
export const templateCodes = defineCodes({
  SECCOM_TEMPLATE_FORMAT_UNKNOWN: {
    status: 415,
    title: 'Unknown template format',
    description: 'The bytes do not start with "FMR\\0" followed by a supported version ("20\\0" for ANSI 378-2004 and ISO 19794-2:2005, "030"/"035" for the 2009/2011 editions).',
  },
  SECCOM_TEMPLATE_TRUNCATED: {
    status: 422,
    title: 'Truncated template',
    description: 'The template ends inside a header, finger view, minutia or extended-data block. The location gives the byte offset and the field.',
  },
  SECCOM_TEMPLATE_LENGTH_MISMATCH: {
    status: 422,
    title: 'Template length mismatch',
    description: 'The record length field disagrees with the bytes supplied, or an extended-data block length overruns its view.',
  },
  SECCOM_TEMPLATE_BAD_FIELD: {
    status: 422,
    title: 'Invalid template field',
    description: 'A field holds a value the standard forbids (minutia type, finger position, zero image size, quality above 100). The location names the field.',
  },
  SECCOM_TEMPLATE_UNENCODABLE: {
    status: 422,
    title: 'Template cannot be encoded',
    description: 'A FingerTemplate value does not fit the chosen format (coordinates beyond 14 bits, more than 255 minutiae, size or resolution out of range).',
  },
});
