/**
 * The long fuzz run of the WSQ, image (lossless JPEG included) and minutiae-template readers for `npm run fuzz`: seeded
 * mutations of the real files for `--seconds N` (default 60), `--seed S` to vary the cases.
 * Throws (failing the run) on the first case that breaks an invariant, naming its seed and number.
 */
import { parseArgs } from 'node:util';
import { formatTargets, fuzzFormats } from '../../test/support/fuzz-formats.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: 'string' }, seed: { type: 'string' } }, strict: false });
  const seconds = Number(values.seconds ?? 60);
  const seed = Number(values.seed ?? 1);
  const started = Date.now();
  const stats = fuzzFormats(await formatTargets(), seed, Number.MAX_SAFE_INTEGER, started + seconds * 1000);
  console.log(
    `WSQ/image/template fuzz: seed ${seed}, ${stats.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `${stats.decoded} decoded, rejected: ${JSON.stringify(stats.rejected)}, per target: ${JSON.stringify(stats.byTarget)}`,
  );
}
