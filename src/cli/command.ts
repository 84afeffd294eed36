import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SeccomError } from '../errors/index.ts';

/** Output sinks, injected so tests can run commands in-process and read what they print. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** One `seccom <name>` command, in src/cli/commands/<name>.ts as the default export. */
export interface Command {
  /** One line for `seccom --help`. */
  readonly summary: string;
  /** Full help text for `seccom <name> --help`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. Throws SeccomError on failure. */
  run(argv: string[], io: CliIO): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs with strict checking, failing as SECCOM_USAGE with the command's usage text. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new SeccomError('SECCOM_USAGE', `${(e as Error).message}\n\n${usage}`);
  }
}

/** Parses a numeric option, failing as SECCOM_USAGE when it is not a finite number in range. */
export function numberOption(value: string | undefined, name: string, fallback: number, min = -Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    throw new SeccomError('SECCOM_USAGE', `--${name} must be a number${min > -Infinity ? ` >= ${min}` : ''}, got "${value}"`);
  }
  return n;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};
