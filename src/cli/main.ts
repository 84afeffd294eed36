/**
 * The `seccom` command. Each command is a module in ./commands/<name>.ts, found by name, so
 * areas add commands without editing this dispatcher.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { SeccomError, isSeccomError } from '../errors/index.ts';
import { processIO, type CliIO, type Command } from './command.ts';

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function loadCommand(name: string): Promise<Command> {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !commandNames().includes(name)) {
    throw new SeccomError('SECCOM_USAGE', `unknown command "${name}". Run \`seccom --help\` for the list.`);
  }
  const mod = (await import(pathToFileURL(join(commandsDir, `${name}.ts`)).href)) as { default: Command };
  return mod.default;
}

async function help(io: CliIO): Promise<void> {
  const lines = ['Usage: seccom <command> [options]', '', 'Commands:'];
  for (const name of commandNames()) {
    const cmd = await loadCommand(name);
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  lines.push('', 'Run `seccom <command> --help` for the options of one command.');
  io.out(lines.join('\n'));
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      await help(io);
      return 0;
    }
    const cmd = await loadCommand(name);
    if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
      io.out(cmd.usage);
      return 0;
    }
    return await cmd.run(rest, io);
  } catch (e) {
    const err = isSeccomError(e) ? e : new SeccomError('SECCOM_INTERNAL', (e as Error)?.stack ?? String(e), { cause: e });
    if (json) io.err(JSON.stringify(err.toProblem()));
    else {
      const where = err.location ? ` (${Object.entries(err.location).map(([k, v]) => `${k} ${v}`).join(', ')})` : '';
      io.err(`seccom: ${err.code}: ${err.message}${where}`);
    }
    return err.exitCode;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
