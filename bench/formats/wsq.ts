/**
 * WSQ decode and encode speed on one thread, in megapixels per second, over every golden WSQ in
 * ../shared/data (standalone files and distinct .an2 payloads), beside NBIS dwsq/cwsq measured in
 * the same run on the same files when their binaries are found ($NBIS_BIN, /tmp/nbis, or PATH;
 * see docs/formats-wsq.md for building them outside the repo). NBIS runs as a process per image;
 * its process start-up time (measured with `-version`) is subtracted. Each figure is the best of
 * `--reps N` (default 3) per file, ours and NBIS interleaved so machine load hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { an2WsqCases, standaloneWsqCases } from '../../test/support/wsq-golden.ts';
import { decodeWsq, encodeWsq } from '../../src/formats/wsq/index.ts';
import type { GrayImage } from '../../src/formats/images/index.ts';

function findNbis(name: string): string | undefined {
  const dirs = [process.env.NBIS_BIN, '/tmp/nbis', ...(process.env.PATH ?? '').split(delimiter)].filter((d): d is string => !!d);
  return dirs.map((d) => join(d, name)).find((p) => existsSync(p));
}

function best(reps: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function spawnMs(reps: number, bin: string, args: string[], cwd: string): number {
  return best(reps, () => {
    const r = spawnSync(bin, args, { cwd, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited with ${r.status}`);
  });
}

function startupMs(reps: number, bin: string, cwd: string): number {
  return best(reps, () => spawnSync(bin, ['-version'], { cwd, stdio: 'ignore' }));
}

interface Tally {
  mp: number;
  ours: number;
  nbis: number;
}

const line = (what: string, t: Tally, files: number, nbisName: string, hasNbis: boolean) => {
  const ours = t.mp / (t.ours / 1000);
  const nbis = hasNbis ? t.mp / (t.nbis / 1000) : undefined;
  return (
    `  ${what}: ${files} images, ${t.mp.toFixed(1)} MP: seccom ${ours.toFixed(1)} MP/s` +
    (nbis ? `; NBIS ${nbisName} ${nbis.toFixed(1)} MP/s; seccom/NBIS time ratio ${(nbis / ours).toFixed(2)}` : `; NBIS ${nbisName} not found`)
  );
};

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { reps: { type: 'string' } }, strict: false });
  const reps = Math.max(1, Number(values.reps ?? 3));
  const seen = new Set<string>();
  const cases = [...standaloneWsqCases(), ...an2WsqCases()].filter((c) => {
    const key = Buffer.from(c.wsq).toString('base64');
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const dwsq = findNbis('dwsq');
  const cwsq = findNbis('cwsq');
  const dir = mkdtempSync(join(tmpdir(), 'seccom-bench-wsq-'));
  try {
    const dStart = dwsq ? startupMs(reps, dwsq, dir) : 0;
    const cStart = cwsq ? startupMs(reps, cwsq, dir) : 0;
    const dec: Tally = { mp: 0, ours: 0, nbis: 0 };
    const enc: Tally = { mp: 0, ours: 0, nbis: 0 };
    const images: GrayImage[] = [];
    cases.forEach((c, i) => {
      let img: GrayImage | undefined;
      dec.ours += best(reps, () => (img = decodeWsq(c.wsq)));
      images.push(img!);
      dec.mp += (img!.width * img!.height) / 1e6;
      if (dwsq) {
        writeFileSync(join(dir, `f${i}.wsq`), c.wsq);
        dec.nbis += Math.max(0, spawnMs(reps, dwsq, ['raw', `f${i}.wsq`, '-raw_out'], dir) - dStart);
      }
    });
    images.forEach((img, i) => {
      enc.ours += best(reps, () => encodeWsq(img, { bitrate: 0.75 }));
      enc.mp += (img.width * img.height) / 1e6;
      if (cwsq) {
        writeFileSync(join(dir, `g${i}.raw`), img.pixels);
        enc.nbis += Math.max(0, spawnMs(reps, cwsq, ['0.75', 'wsq', `g${i}.raw`, '-raw_in', `${img.width},${img.height},8,${img.ppi ?? 500}`], dir) - cStart);
      }
    });
    console.log(`WSQ, one thread, best of ${reps} per image${dwsq ? `, NBIS from ${dwsq.replace(/\/dwsq$/, '')} (start-up ${dStart.toFixed(1)} ms subtracted)` : ''}:`);
    console.log(line('decode', dec, cases.length, 'dwsq', !!dwsq));
    console.log(line('encode 0.75 bpp', enc, images.length, 'cwsq', !!cwsq));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
