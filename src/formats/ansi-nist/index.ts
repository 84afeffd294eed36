/**
 * ANSI/NIST-ITL transactions: read, check and write the traditional encoding (and, in ./xml, the
 * NIEM XML encoding). Depends only on src/errors, so it can be used as a library on its own.
 */
import { parseAnsiNist } from './read.ts';
import { throwIfAny } from './violations.ts';
import type { AnsiNistFile } from './model.ts';

export { parseAnsiNist, type ReadResult } from './read.ts';
export { writeAnsiNist } from './write.ts';
export { imageOf, type ImageInfo } from './images.ts';
export { an2kText, dumpJson, sha256Hex, type JsonRecord, type JsonFieldValue } from './dump.ts';
export { errorsOf, formatViolation, type Violation } from './violations.ts';
export * from './model.ts';

/** Reads a traditional-encoding file and throws a SeccomError for its first error (warnings pass). */
export function readAnsiNist(bytes: Uint8Array): AnsiNistFile {
  const { file, violations } = parseAnsiNist(bytes);
  throwIfAny(violations);
  return file;
}
