/**
 * What `npm start` does for the console: build it when web/dist is missing or stale, create the
 * demo accounts on a store's first start (printing their passwords that once), and say which
 * jurisdictions' steps people work in the console.
 */
import { SeccomError } from '../errors/index.ts';
import { ensureConsoleBuilt } from './console/build.ts';
import type { ServerContext } from './context.ts';
import { formatSeededUsers, seedDemoUsers } from './seed-users.ts';
import type { HumanSteps, StepSelector } from './steps/gate.ts';

/** Jurisdictions whose LESC, ERO and jail steps wait for people in the demo (the rest decide automatically). */
export const defaultConsoleSteps = 'ct-hartford';

/** `--console-steps all | none | id,id…` → the same selector for the three human steps. */
export function parseConsoleSteps(text: string): HumanSteps {
  const t = text.trim();
  let selector: StepSelector;
  if (t === 'all' || t === 'none') selector = t;
  else {
    const ids = t.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0 || ids.some((id) => !/^[a-z0-9][a-z0-9-]*$/.test(id))) {
      throw new SeccomError('SECCOM_USAGE', `--console-steps takes all, none or jurisdiction ids separated by commas, got "${text}"`);
    }
    selector = ids;
  }
  return { lesc: selector, ero: selector, jail: selector };
}

export async function prepareConsole(ctx: ServerContext, steps: HumanSteps, log: (line: string) => void): Promise<void> {
  const build = await ensureConsoleBuilt(log);
  if ('unavailable' in build) log(`seccom: the console is not built (${build.unavailable}); the API works without it`);
  const focus = Array.isArray(steps.jail) ? (steps.jail as readonly string[])[0] : undefined;
  const seeded = await seedDemoUsers(ctx.store, ctx.users, focus);
  if (seeded.length) log(formatSeededUsers(seeded));
  else log('seccom: accounts exist already (list them with `npx seccom user list`; reset a password with `npx seccom user password NAME`)');
}
