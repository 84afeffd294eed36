import { defineCodes } from '../define.ts';

/** ANSI/NIST-ITL transactions, traditional and XML encodings (src/formats/ansi-nist). */
export const ansiNistCodes = defineCodes({
  SECCOM_ANSI_NIST_TRUNCATED: {
    status: 422,
    title: 'Truncated ANSI/NIST-ITL file',
    description:
      'The data ends inside a record or field (a tagged field with no closing separator, a binary record shorter than its header, fewer records than 1.003 CNT lists). The location gives the record index, field and byte offset.',
  },
  SECCOM_ANSI_NIST_BAD_TAG: {
    status: 422,
    title: 'Malformed field tag',
    description:
      'A tagged field does not start with `<record type>.<field number>:` in digits, or its record type differs from the record it is in (per 1.003 CNT).',
  },
  SECCOM_ANSI_NIST_BAD_SEPARATOR: {
    status: 422,
    title: 'Misplaced separator',
    description:
      'A record does not end with FS (0x1C) where its LEN says, an image field is not followed by FS, or a separator appears where the structure forbids it.',
  },
  SECCOM_ANSI_NIST_BAD_FIELD: {
    status: 422,
    title: 'Malformed ANSI/NIST-ITL field',
    description:
      'A structural field (LEN, IDC, VER, CNT items) is missing, repeated, not numeric, or has more subfields or items than allowed. The location names the record, field and byte offset.',
  },
  SECCOM_ANSI_NIST_LEN_MISMATCH: {
    status: 422,
    title: 'Record length mismatch',
    description:
      'A record LEN field disagrees with the bytes the record occupies, is smaller than its fixed header, or claims more bytes than the file holds. Checked before any allocation, so a short file claiming a huge record fails at once.',
  },
  SECCOM_ANSI_NIST_CNT_MISMATCH: {
    status: 422,
    title: 'File content (1.003 CNT) mismatch',
    description:
      'The first CNT subfield does not count the other subfields, a CNT record type is not a supported record type, or bytes remain after the last record CNT lists.',
  },
  SECCOM_ANSI_NIST_IDC_MISMATCH: {
    status: 422,
    title: 'IDC mismatch',
    description: 'A record IDC (x.002) differs from the IDC that 1.003 CNT lists for that record.',
  },
  SECCOM_ANSI_NIST_CHARSET: {
    status: 422,
    title: 'Character not allowed',
    description:
      'A text value holds a byte outside 7-bit ASCII, and 1.015 DCS does not declare a character set that allows it (001 Latin-1, 003 UTF-8), or a UTF-8 value is not valid UTF-8. Type-1 must always be 7-bit ASCII. Control separators inside a value are never allowed.',
  },
  SECCOM_ANSI_NIST_BAD_IMAGE_HEADER: {
    status: 422,
    title: 'Invalid image record header',
    description:
      'An image record header is impossible: zero width or height, an unknown compression code, a finger position outside the code table, or image data that does not match the declared compression (for example GCA says WSQ but the data has no WSQ SOI marker).',
  },
  SECCOM_ANSI_NIST_UNENCODABLE: {
    status: 422,
    title: 'Value cannot be encoded',
    description:
      'Writing a record failed: a value holds a separator character, a character the declared character set cannot carry, a binary header value out of range, or a tag whose record type differs from the record.',
  },
  SECCOM_ANSI_NIST_XML_INVALID: {
    status: 422,
    title: 'Invalid ANSI/NIST-ITL XML',
    description:
      'The NIEM XML transaction is not well-formed, fails validation against the EBTS 10.0 / ITL 2011 XSDs, or lacks an element the conversion needs. The details list each schema error with its line.',
  },
  SECCOM_ANSI_NIST_XML_UNMAPPED: {
    status: 422,
    title: 'Field has no XML mapping',
    description:
      'Converting between the traditional and the XML encoding met a field or XML element the mapping table does not cover. The conversion refuses rather than drop data; the location names the field or element.',
  },
});
