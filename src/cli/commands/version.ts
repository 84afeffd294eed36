import { readFileSync } from 'node:fs';
import type { Command } from '../command.ts';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

const command: Command = {
  summary: 'print the seccom version',
  usage: 'Usage: seccom version',
  async run(_argv, io) {
    io.out(pkg.version);
    return 0;
  },
};
export default command;
