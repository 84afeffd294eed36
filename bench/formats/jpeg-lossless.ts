/**
 * Lossless JPEG (JPEGL) decode speed on one thread: the two NBIS-made Type-14 payloads of
 * type-10-14-17-piv-index-iris.an2, decoded repeatedly for `--seconds N` (default 2). CPU time
 * is what is reported (the machine is shared); the load average is printed beside it.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sharedData } from '../../test/support/env.ts';
import { imageOf, readAnsiNist } from '../../src/formats/ansi-nist/index.ts';
import { decodeImage } from '../../src/formats/images/index.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: 'string' } }, strict: false });
  const seconds = Number(values.seconds ?? 2);
  const payloads = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-10-14-17-piv-index-iris.an2')))
    .records.map(imageOf)
    .filter((i) => i?.compression === 'JPEGL')
    .map((i) => i!.data);
  const pixelsPerPass = payloads.reduce((n, b) => n + decodeImage(b).pixels.length, 0); // also the warm-up
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let passes = 0;
  while (performance.now() - start < seconds * 1000) {
    for (const b of payloads) decodeImage(b);
    passes++;
  }
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const mpix = (pixelsPerPass * passes) / 1e6;
  console.log(`lossless JPEG (JPEGL), ${payloads.length} NBIS payloads, ${(pixelsPerPass / 1e3).toFixed(0)} kpixels per pass, ${passes} passes, one thread:`);
  console.log(
    `  decode: ${((cpuS * 1000) / (passes * payloads.length)).toFixed(1)} ms CPU per image, ${(mpix / cpuS).toFixed(1)} Mpixel/s CPU ` +
      `(${(mpix / wallS).toFixed(1)} wall), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
}
