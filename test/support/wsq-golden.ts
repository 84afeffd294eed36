/**
 * The NBIS dwsq golden cases in ../shared/data: standalone .wsq files and the WSQ payloads inside
 * the ANSI/NIST .an2 files. Payloads are located by their SHA-256 from an2k2txt-payloads.tsv (a
 * scan for the SOI marker), so WSQ tests do not depend on the ANSI/NIST parser.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { sharedData } from './env.ts';

export interface WsqGoldenCase {
  name: string;
  wsq: Uint8Array;
  /** Path of the dwsq decode (PNG) under ../shared/data. */
  goldenPng: string;
  /** PPI from the NISTCOM as the TSV lists it (-1 or absent when unknown). */
  ppi?: number;
  /** Dimensions as the TSV lists them. */
  width?: number;
  height?: number;
}

const read = (...p: string[]) => new Uint8Array(readFileSync(sharedData(...p)));

export function standaloneWsqCases(): WsqGoldenCase[] {
  const cases: WsqGoldenCase[] = [
    { name: 'wsq/sample/sample.wsq', wsq: read('wsq', 'sample', 'sample.wsq'), goldenPng: 'wsq/sample/sample.dwsq.png' },
    {
      name: 'sourceafis-samples/wsq-original.wsq',
      wsq: read('sourceafis-samples', 'wsq-original.wsq'),
      goldenPng: 'sourceafis-samples/wsq-original.dwsq.png',
    },
  ];
  for (const f of readdirSync(sharedData('wsq', 'cwsq-0.75')).filter((n) => n.endsWith('.wsq')).sort()) {
    cases.push({ name: `wsq/cwsq-0.75/${f}`, wsq: read('wsq', 'cwsq-0.75', f), goldenPng: `wsq/cwsq-0.75/${f.replace(/\.wsq$/, '.dwsq.png')}` });
  }
  return cases;
}

function findPayload(file: Uint8Array, length: number, sha256: string): Uint8Array | undefined {
  for (let i = file.indexOf(0xff); i >= 0 && i + length <= file.length; i = file.indexOf(0xff, i + 1)) {
    if (file[i + 1] !== 0xa0) continue;
    const slice = file.subarray(i, i + length);
    if (createHash('sha256').update(slice).digest('hex') === sha256) return slice;
  }
  return undefined;
}

/** Every WSQ payload row of the TSV (70), each with its bytes cut out of the .an2 file. */
export function an2WsqCases(): WsqGoldenCase[] {
  const tsv = readFileSync(sharedData('ansi-nist', 'an2k2txt-payloads.tsv'), 'utf8').trim().split('\n');
  const header = tsv[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  const files = new Map<string, Uint8Array>();
  const cases: WsqGoldenCase[] = [];
  for (const line of tsv.slice(1)) {
    const f = line.split('\t');
    if (f[col('magic_format')] !== 'WSQ') continue;
    const an2 = f[col('an2_file')]!;
    if (!files.has(an2)) files.set(an2, read('ansi-nist', an2));
    const wsq = findPayload(files.get(an2)!, Number(f[col('bytes')]), f[col('sha256')]!);
    if (!wsq) throw new Error(`payload ${f[col('payload')]} of ${an2} not found by its SHA-256`);
    const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
    cases.push({
      name: `${an2}:${f[col('payload')]}`,
      wsq,
      goldenPng: `ansi-nist/${f[col('dwsq_png')]}`,
      ppi: num(f[col('ppi')]),
      width: num(f[col('width')]),
      height: num(f[col('height')]),
    });
  }
  return cases;
}
