/**
 * `seccom fp`: fingerprint tools. Each subcommand lives in src/cli/fp/ and is listed here once,
 * so adding one (for example `search`) is one import and one table entry.
 */
import { SeccomError } from '../../errors/index.ts';
import type { CliIO, Command } from '../command.ts';
import { extractUsage, fpExtract } from '../fp/extract.ts';
import { fpMatch, matchUsage } from '../fp/match.ts';
import { fpSearch, searchUsage } from '../fp/search.ts';

const subcommands: Record<string, { usage: string; run(argv: string[], io: CliIO, usage: string): number | Promise<number> }> = {
  extract: { usage: extractUsage, run: fpExtract },
  match: { usage: matchUsage, run: fpMatch },
  search: { usage: searchUsage, run: fpSearch },
};

const usage = `Usage:\n${Object.values(subcommands)
  .map((s) => s.usage)
  .join('\n')}`;

const command: Command = {
  summary: 'fingerprint extraction, 1:1 matching and 1:N search',
  usage,
  async run(argv, io) {
    const [name, ...rest] = argv;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) throw new SeccomError('SECCOM_USAGE', `${name ? `unknown fp subcommand "${name}"` : 'fp needs a subcommand'}\n\n${usage}`);
    return sub.run(rest, io, usage);
  },
};
export default command;
