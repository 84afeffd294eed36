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

const MAGIC: Record<string, number[]> = { WSQ: [0xff, 0xa0], JPEG: [0xff, 0xd8], JP2: [0x00, 0x00, 0x00, 0x0c], PNG: [0x89, 0x50] };

function findPayload(file: Uint8Array, length: number, sha256: string, magic: number[]): Uint8Array | undefined {
  for (let i = file.indexOf(magic[0]!); i >= 0 && i + length <= file.length; i = file.indexOf(magic[0]!, i + 1)) {
    if (!magic.every((b, k) => file[i + k] === b)) continue;
    const slice = file.subarray(i, i + length);
    if (createHash('sha256').update(slice).digest('hex') === sha256) return slice;
  }
  return undefined;
}

/** An image payload of an .an2 file, cut out by its size and SHA-256 from an2k2txt-payloads.tsv. */
export interface An2Payload {
  name: string;
  bytes: Uint8Array;
}

/** Distinct payloads of one magic_format (WSQ, JPEG, JP2, PNG) listed in the TSV. */
export function an2Payloads(format: keyof typeof MAGIC): An2Payload[] {
  const out = new Map<string, An2Payload>();
  for (const row of tsvRows()) {
    if (row.magic_format !== format || out.has(row.sha256!)) continue;
    const bytes = findPayload(read('ansi-nist', row.an2_file!), Number(row.bytes), row.sha256!, MAGIC[format]!);
    if (!bytes) throw new Error(`payload ${row.payload} of ${row.an2_file} not found by its SHA-256`);
    out.set(row.sha256!, { name: `${row.an2_file}:${row.payload}`, bytes });
  }
  return [...out.values()];
}

function tsvRows(): Record<string, string>[] {
  const [head, ...lines] = readFileSync(sharedData('ansi-nist', 'an2k2txt-payloads.tsv'), 'utf8').trim().split('\n');
  const header = head!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [header[i]!, v])));
}

/** Every WSQ payload row of the TSV (70), each with its bytes cut out of the .an2 file. */
export function an2WsqCases(): WsqGoldenCase[] {
  const files = new Map<string, Uint8Array>();
  const cases: WsqGoldenCase[] = [];
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  for (const row of tsvRows()) {
    if (row.magic_format !== 'WSQ') continue;
    const an2 = row.an2_file!;
    if (!files.has(an2)) files.set(an2, read('ansi-nist', an2));
    const wsq = findPayload(files.get(an2)!, Number(row.bytes), row.sha256!, MAGIC.WSQ!);
    if (!wsq) throw new Error(`payload ${row.payload} of ${an2} not found by its SHA-256`);
    cases.push({
      name: `${an2}:${row.payload}`,
      wsq,
      goldenPng: `ansi-nist/${row.dwsq_png}`,
      ppi: num(row.ppi),
      width: num(row.width),
      height: num(row.height),
    });
  }
  return cases;
}
