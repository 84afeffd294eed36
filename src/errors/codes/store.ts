import { defineCodes } from '../define.ts';

export const storeCodes = defineCodes({
  SECCOM_STORE_LOCKED: {
    status: 503,
    title: 'Store in use by another process',
    description:
      'The embedded store\'s data directory is locked by another live seccom process (its pid is in the message). Stop that process, or use another `--data DIR`. A lock left by a dead process is taken over automatically.',
  },
  SECCOM_STORE_UNAVAILABLE: {
    status: 503,
    title: 'Store cannot be opened',
    description:
      'The data directory cannot be created or read, or the PostgreSQL server named by `--store` cannot be reached or migrated. The message carries the cause.',
  },
  SECCOM_STORE_BAD_URL: {
    status: 400,
    title: 'Bad store address',
    description: '`--store` must be a `postgres://` or `postgresql://` URL.',
    exit: 2,
  },
  SECCOM_AUDIT_CHAIN_BROKEN: {
    status: 500,
    title: 'Audit chain broken',
    description:
      'An audit entry was altered, removed or inserted out of order: its hash, its predecessor\'s hash or the sequence does not match. The message names the first bad entry. Treat as tampering.',
    exit: 8,
  },
  SECCOM_NOT_FOUND: {
    status: 404,
    title: 'Record not found',
    description: 'The requested record does not exist (or is not visible to the caller).',
  },
});
