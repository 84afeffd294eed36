/** Shared test helpers: paths to ../shared/data and the skip-or-fail rule for missing services. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Absolute path inside ../shared/data, resolved from the repository root (CI has the same layout). */
export function sharedData(...parts: string[]): string {
  return join(repoRoot, '..', 'shared', 'data', ...parts);
}

export const underCI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * For tests that need something the machine may lack (a browser, a service). Returns a skip
 * reason outside CI, printed loudly; under CI a missing dependency is a failure, never a skip.
 */
export function requireOrSkip(what: string, available: boolean): string | false {
  if (available) return false;
  const msg = `${what} is not available`;
  if (underCI) throw new Error(`${msg}; CI must provide it (.ci/run installs and starts it)`);
  process.stderr.write(`\n*** SKIPPING: ${msg}. Install or start it to run these tests. ***\n\n`);
  return msg;
}

export function sharedDataPresent(): boolean {
  return existsSync(sharedData('README.md'));
}
