import { defineCodes } from '../define.ts';

/** 1:N fingerprint search: gallery, index and search workers (src/biometrics/search). */
export const searchCodes = defineCodes({
  SECCOM_SEARCH_BAD_RECORD: {
    status: 422,
    title: 'Malformed gallery record',
    description:
      'Bytes given or stored as a compact ten-print gallery record do not have its layout (finger count, minutiae counts, lengths), or a record has more than 16 fingers. Re-enrol the subject from its templates.',
  },
  SECCOM_SEARCH_PROBE_UNUSABLE: {
    status: 422,
    title: 'No usable finger in the search probe',
    description:
      'No finger of the probe has any minutiae (blank, smudged or non-fingerprint images give none), so there is nothing to search with. Recapture the prints.',
  },
  SECCOM_SEARCH_ENGINE_CLOSED: {
    status: 503,
    title: 'Search engine closed',
    description: 'A gallery operation reached a search engine that was closed (shutdown) or whose worker thread failed. Restart the process; the gallery reloads from the store.',
  },
});
