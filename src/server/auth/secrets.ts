/**
 * Session ids, CSRF tokens and API tokens: 256 random bits each. The store keeps only their
 * SHA-256, so a copy of the database (or of the audit log) lets nobody sign in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const apiTokenPrefix = 'seccom_';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${apiTokenPrefix}${newSecret()}`;
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
