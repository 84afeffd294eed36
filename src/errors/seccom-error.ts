import { catalog, type ErrorCode } from './catalog.ts';
import { exitCodeFor } from './define.ts';

/** Where in an input the problem is (file, record, field, byte offset, line ...). */
export type ErrorLocation = Record<string, string | number>;

/** The one error type: a stable code from the catalog, a precise message, optional location/details. */
export class SeccomError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly exitCode: number;
  readonly location?: ErrorLocation;
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { location?: ErrorLocation; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SeccomError';
    const spec = catalog[code];
    this.code = code;
    this.status = spec.status;
    this.exitCode = exitCodeFor(spec);
    this.location = opts.location;
    this.details = opts.details;
  }

  /** RFC 9457 problem details, as the API returns them. */
  toProblem(instance?: string): Record<string, unknown> {
    const spec = catalog[this.code];
    return {
      type: `urn:seccom:error:${this.code}`,
      title: spec.title,
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.location ? { location: this.location } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

export function isSeccomError(e: unknown): e is SeccomError {
  return e instanceof SeccomError;
}
