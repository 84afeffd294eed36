/**
 * ANSI/NIST-ITL parse speed on one thread, over the real files in ../shared/data/ansi-nist.
 * Image data is not copied (the reader returns views), so two figures are printed: MB/s over
 * whole files, and MB/s over their text bytes alone (everything but image data), which is what
 * the reader actually scans. Writing is timed too. `--seconds N` per figure (default 2).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ansiNistFiles } from '../../test/support/ansi-nist-files.ts';
import { parseAnsiNist, writeAnsiNist, type AnsiNistFile } from '../../src/formats/ansi-nist/index.ts';

function textBytes(file: AnsiNistFile, size: number): number {
  let image = 0;
  for (const r of file.records) for (const f of r.fields) if (f.kind === 'binary') image += f.bytes.length;
  return size - image;
}

/** Repeats `fn` over all inputs until `seconds` pass; returns passes per second. */
function rate(seconds: number, fn: () => void): number {
  fn(); // warm-up
  const start = performance.now();
  let passes = 0;
  while (performance.now() - start < seconds * 1000) {
    fn();
    passes++;
  }
  return passes / ((performance.now() - start) / 1000);
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: 'string' } }, strict: false });
  const seconds = Number(values.seconds ?? 2);
  const inputs = ansiNistFiles().map((f) => readFileSync(f.path));
  const parsed = inputs.map((b) => parseAnsiNist(b).file);
  const total = inputs.reduce((n, b) => n + b.length, 0);
  const text = parsed.reduce((n, f, i) => n + textBytes(f, inputs[i]!.length), 0);
  const mb = (n: number) => n / 1e6;

  const parseRate = rate(seconds, () => {
    for (const b of inputs) parseAnsiNist(b);
  });
  const writeRate = rate(seconds, () => {
    for (const f of parsed) writeAnsiNist(f);
  });
  console.log(`ANSI/NIST-ITL traditional, ${inputs.length} files, ${mb(total).toFixed(1)} MB (${mb(text).toFixed(2)} MB of text), one thread:`);
  console.log(`  parse: ${(mb(total) * parseRate).toFixed(0)} MB/s whole files, ${(mb(text) * parseRate).toFixed(1)} MB/s of text, ${(inputs.length * parseRate).toFixed(0)} files/s`);
  console.log(`  write: ${(mb(total) * writeRate).toFixed(0)} MB/s whole files, ${(mb(text) * writeRate).toFixed(1)} MB/s of text`);
}
