/** `seccom fp match A B`: 1:1 comparison score and decision at the default threshold. */
import { numberOption, parseCommandArgs, type CliIO } from '../command.ts';
import { SeccomError } from '../../errors/index.ts';
import { matchPacked } from '../../biometrics/match/matcher.ts';
import { DEFAULT_THRESHOLD, fmrAt } from '../../biometrics/match/thresholds.ts';
import { loadPacked } from './input.ts';

export const matchUsage = `  seccom fp match <image-or-template> <image-or-template> [--ppi N] [--threshold S] [--json]
      Prints the similarity score, then "match" or "no-match" at the threshold (default
      ${DEFAULT_THRESHOLD.score}, FMR ${DEFAULT_THRESHOLD.fmr}; docs/biometrics.md has the table). Inputs are images,
      ANSI 378 / ISO 19794-2 minutiae records (first finger view) or packed templates from
      \`fp extract --template-out\`.`;

export function fpMatch(argv: string[], io: CliIO, usage: string): number {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ppi: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  if (positionals.length !== 2) throw new SeccomError('SECCOM_USAGE', `fp match takes two fingerprints\n\n${usage}`);
  const ppi = values.ppi === undefined ? undefined : numberOption(values.ppi, 'ppi', 500, 1);
  const threshold = numberOption(values.threshold, 'threshold', DEFAULT_THRESHOLD.score, 0);
  const a = loadPacked(positionals[0]!, ppi);
  const b = loadPacked(positionals[1]!, ppi);
  const score = matchPacked(a, b);
  const match = score >= threshold;
  if (values.json) io.out(JSON.stringify({ score, threshold, match, fmr: fmrAt(score) }));
  else io.out(`${score.toFixed(3)}\n${match ? 'match' : 'no-match'}`);
  return 0;
}
