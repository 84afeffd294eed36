/** One entry of the error catalog: a stable code, its HTTP status, CLI exit code and meaning. */
export interface ErrorSpec {
  /** HTTP status the API answers with. */
  readonly status: number;
  /** Short human title (RFC 9457 problem "title"). */
  readonly title: string;
  /** When it happens and what to do, for docs/errors.md. */
  readonly description: string;
  /** CLI exit code; defaults from the status (see exitCodeFor). */
  readonly exit?: number;
}

/** Declares an area's codes; the identity function keeps the literal keys for typing. */
export function defineCodes<const T extends Record<`SECCOM_${string}`, ErrorSpec>>(codes: T): T {
  return codes;
}

/** Default CLI exit code per HTTP status class, so scripts can branch on the kind of failure. */
export function exitCodeFor(spec: ErrorSpec): number {
  if (spec.exit !== undefined) return spec.exit;
  switch (spec.status) {
    case 400:
    case 422:
      return 4;
    case 401:
    case 403:
      return 7;
    case 404:
      return 5;
    case 409:
      return 6;
    case 503:
      return 3;
    default:
      return 1;
  }
}
