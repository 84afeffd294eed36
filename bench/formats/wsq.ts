/**
 * WSQ decode and encode speed on one thread, in megapixels per second, over every golden WSQ in
 * ../shared/data (standalone files and distinct .an2 payloads), beside NBIS dwsq/cwsq measured in
 * the same run on the same files when their binaries are found ($NBIS_BIN, /tmp/nbis, or PATH;
 * see docs/formats-wsq.md for building them outside the repo). Times are CPU times (user +
 * system), which the other jobs on a shared machine disturb far less than wall time: ours from
 * process.cpuUsage, NBIS's from bash's `time` around one process per image, less the CPU time of
 * its start-up (measured with `-version`). Each figure is the best of `--reps N` (default 3) per
 * file, ours and NBIS interleaved.
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

/** Best-of-`reps` CPU milliseconds of `fn` in this process. */
function best(reps: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

/** Best-of-`reps` CPU milliseconds (user + system) of one NBIS process. */
function childCpuMs(reps: number, bin: string, args: string[], cwd: string, check = true): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$0" "$@" >/dev/null 2>&1', bin, ...args], { cwd, encoding: 'utf8' });
    if (check && r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited with ${r.status}`);
    const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    min = Math.min(min, (user! + sys!) * 1000);
  }
  return min;
}

function startupMs(reps: number, bin: string, cwd: string): number {
  return childCpuMs(reps, bin, ['-version'], cwd, false);
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
        dec.nbis += Math.max(0, childCpuMs(reps, dwsq, ['raw', `f${i}.wsq`, '-raw_out'], dir) - dStart);
      }
    });
    images.forEach((img, i) => {
      enc.ours += best(reps, () => encodeWsq(img, { bitrate: 0.75 }));
      enc.mp += (img.width * img.height) / 1e6;
      if (cwsq) {
        writeFileSync(join(dir, `g${i}.raw`), img.pixels);
        enc.nbis += Math.max(0, childCpuMs(reps, cwsq, ['0.75', 'wsq', `g${i}.raw`, '-raw_in', `${img.width},${img.height},8,${img.ppi ?? 500}`], dir) - cStart);
      }
    });
    console.log(`WSQ, one thread, CPU time, best of ${reps} per image${dwsq ? `, NBIS from ${dwsq.replace(/\/dwsq$/, '')} (start-up ${dStart.toFixed(1)} ms CPU subtracted)` : ''}:`);
    console.log(line('decode', dec, cases.length, 'dwsq', !!dwsq));
    console.log(line('encode 0.75 bpp', enc, images.length, 'cwsq', !!cwsq));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
