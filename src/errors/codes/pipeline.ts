import { defineCodes } from '../define.ts';

export const pipelineCodes = defineCodes({
  SECCOM_UNKNOWN_JURISDICTION: {
    status: 422,
    title: 'Unknown jurisdiction',
    description:
      'The booking\'s originating agency (ORI, ANSI/NIST 1.008 or the `jurisdiction` field) is not a known jurisdiction. Nothing was written. Register the jurisdiction first, or correct the ORI.',
  },
  SECCOM_MALFORMED_BOOKING: {
    status: 422,
    title: 'Malformed booking',
    description:
      'A booking lacks a required field or has one in the wrong form (TCN, name, date of birth, sex, arrest date, charges, ten finger templates). The location names the field. Nothing was written.',
  },
  SECCOM_DUPLICATE_SUBMISSION: {
    status: 409,
    title: 'Duplicate submission',
    description:
      'A booking with the same transaction control number (TCN) was already submitted. Nothing was written; the message names the existing booking.',
  },
  SECCOM_DETAINER_TRANSITION: {
    status: 409,
    title: 'Detainer transition not allowed',
    description:
      'A detainer was asked to move to a state its state machine does not allow from its current state (for example honoured after lapsed). The detainer is unchanged.',
  },
});
