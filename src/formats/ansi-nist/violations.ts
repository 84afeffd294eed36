/**
 * Problems found in a transaction. The reader stops at the first problem that leaves the
 * structure unknowable (it throws); everything else is collected as a violation so that
 * `validate` can list them all.
 */
import { SeccomError, type ErrorCode, type ErrorLocation } from '../../errors/index.ts';

export interface Violation {
  readonly code: ErrorCode;
  /** Errors make a file invalid; warnings (image data unlike its declared format) do not. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** record: 1-based index in the file; field: tag such as `2.018`; offset: byte offset in the file. */
  readonly location: ErrorLocation;
}

/** Caps the list so a pathological file cannot grow it without bound. */
export const maxViolations = 1000;

export class ViolationList {
  readonly items: Violation[] = [];

  add(code: ErrorCode, message: string, location: ErrorLocation, severity: Violation['severity'] = 'error'): void {
    if (this.items.length < maxViolations) this.items.push({ code, severity, message, location });
  }
}

export function violationError(v: Violation, more = 0): SeccomError {
  const suffix = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
  return new SeccomError(v.code, v.message + suffix, { location: v.location });
}

export function errorsOf(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === 'error');
}

/** Throws the first error (warnings pass), mentioning how many more there are. */
export function throwIfAny(violations: readonly Violation[]): void {
  const errors = errorsOf(violations);
  if (errors.length > 0) throw violationError(errors[0]!, errors.length - 1);
}

export function formatViolation(v: Violation): string {
  const where = Object.entries(v.location)
    .map(([k, val]) => `${k} ${val}`)
    .join(', ');
  return `${v.severity === 'warning' ? 'warning ' : ''}${v.code}: ${v.message}${where ? ` (${where})` : ''}`;
}
