/**
 * Password hashing with Argon2id (RFC 9106's second recommended set: 64 MiB, 3 passes, 4 lanes
 * would be the default; 19 MiB / 2 passes / 1 lane is OWASP's minimum and keeps sign-in fast on
 * small machines). The parameters travel inside the PHC string, so they can be raised later.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax). */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    // A malformed stored hash never lets anyone in.
    return false;
  }
}

/** A hash that matches no password: compared against for unknown user names, so both answers take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}

/** A readable random password for seeded and CLI-created users (about 120 bits). */
export function generatePassword(): string {
  const words = randomBytes(15).toString('base64url').replace(/[-_]/g, 'x');
  return `${words.slice(0, 5)}-${words.slice(5, 10)}-${words.slice(10, 15)}-${words.slice(15)}`;
}
