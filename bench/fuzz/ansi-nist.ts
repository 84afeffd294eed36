/**
 * The long ANSI/NIST-ITL fuzz run for `npm run fuzz`: seeded mutations of every real file
 * (large ones included) for `--seconds N` (default 60), `--seed S` to vary the cases.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ansiNistFiles } from '../../test/support/ansi-nist-files.ts';
import { fuzzAnsiNist } from '../../test/support/fuzz-ansi-nist.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: 'string' }, seed: { type: 'string' } }, strict: false });
  const seconds = Number(values.seconds ?? 60);
  const seed = Number(values.seed ?? 1);
  const inputs = ansiNistFiles().map((f) => readFileSync(f.path));
  const started = Date.now();
  const stats = fuzzAnsiNist(inputs, seed, Number.MAX_SAFE_INTEGER, started + seconds * 1000);
  console.log(
    `ANSI/NIST-ITL fuzz: seed ${seed}, ${stats.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `${stats.parsedClean} parsed clean and wrote back byte-exact, rejected: ${JSON.stringify(stats.rejected)}`,
  );
}
