import { defineCodes } from '../define.ts';

/** Fingerprint extraction and matching (src/biometrics). */
export const biometricCodes = defineCodes({
  SECCOM_FP_IMAGE_TOO_SMALL: {
    status: 422,
    title: 'Fingerprint image too small',
    description:
      'At 500 ppi the image is under 64 pixels on a side, too small to hold a fingerprint. Check the image and its stated resolution.',
  },
  SECCOM_FP_IMAGE_TOO_LARGE: {
    status: 413,
    title: 'Fingerprint image too large',
    description:
      'At 500 ppi the image is over 4096 pixels on a side or 16 megapixels: larger than any finger, so it is refused before processing. Crop single fingers from slap or palm images first.',
  },
  SECCOM_FP_BAD_RESOLUTION: {
    status: 422,
    title: 'Unusable fingerprint resolution',
    description: 'The stated resolution is outside 250..2000 ppi. Give the true scanning resolution (FBI prints are 500 or 1000 ppi).',
  },
  SECCOM_FP_TEMPLATE_CORRUPT: {
    status: 422,
    title: 'Corrupt packed template',
    description: "Bytes given as a packed matcher template do not have the packed layout (wrong magic, version or lengths). Re-extract it from the image or its ISO/ANSI template.",
  },
});
