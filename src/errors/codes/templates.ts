import { defineCodes } from '../define.ts';

/** ANSI INCITS 378 / ISO/IEC 19794-2 minutiae templates (src/formats/templates). */
export const templateCodes = defineCodes({
  SECCOM_TEMPLATE_FORMAT_UNKNOWN: {
    status: 415,
    title: 'Unknown template format',
    description:
      'The bytes do not start with "FMR\\0" and a version the called reader handles: " 20\\0" (ANSI 378-2004, ISO 19794-2:2005), "030\\0" (ANSI 378-2009 or ISO 19794-2:2011), "035\\0" (ANSI 378-2009/Amd 1).',
  },
  SECCOM_TEMPLATE_TRUNCATED: {
    status: 422,
    title: 'Truncated template',
    description: 'The template ends inside a header, finger view, minutia or extended-data block. The location gives the byte offset and the field.',
  },
  SECCOM_TEMPLATE_LENGTH_MISMATCH: {
    status: 422,
    title: 'Template length mismatch',
    description:
      'The record length field disagrees with the bytes supplied (trailing bytes other than zero padding, or contents ending elsewhere than the length says), or extended-data area lengths do not add up to their block.',
  },
  SECCOM_TEMPLATE_BAD_FIELD: {
    status: 422,
    title: 'Invalid template field',
    description:
      'A field holds a value the standard forbids: the reserved minutia type 3 or reserved bits set, a finger position above 10, an undefined impression type, a quality above 100 (254/255 allowed in 2009), a bad 2011 minutia size or representation count. The location names the field.',
  },
  SECCOM_TEMPLATE_UNENCODABLE: {
    status: 422,
    title: 'Template cannot be encoded',
    description:
      'A value does not fit the chosen format: coordinates beyond 14 bits, more than 255 minutiae or views, a size, resolution or id beyond its field, views of one ANSI 378-2004/ISO 2005 record with different image sizes.',
  },
});
