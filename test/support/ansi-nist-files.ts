/** The ANSI/NIST-ITL test files in ../shared/data/ansi-nist and their NBIS an2k2txt golden outputs. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from './env.ts';

export interface AnsiNistTestFile {
  /** Path relative to ansi-nist/, as in an2k2txt-payloads.tsv (`nist-references/type-3.an2`). */
  name: string;
  path: string;
  /** The an2k2txt dump, when an2k2txt accepted the file. */
  dumpPath: string | undefined;
}

export function ansiNistFiles(): AnsiNistTestFile[] {
  const root = sharedData('ansi-nist');
  const out: AnsiNistTestFile[] = [];
  for (const dir of ['nist-references', 'nbis-testdata', 'sample-tpcard']) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.an2')).sort()) {
      const dump = join(root, dir, f.replace(/\.an2$/, '.an2k2txt.txt'));
      out.push({ name: `${dir}/${f}`, path: join(root, dir, f), dumpPath: existsSync(dump) ? dump : undefined });
    }
  }
  return out;
}

export interface PayloadRow {
  file: string;
  payload: string;
  bytes: number;
  sha256: string;
}

/** Rows of an2k2txt-payloads.tsv: the size and SHA-256 of each binary field NBIS extracted. */
export function payloadRows(): PayloadRow[] {
  const lines = readFileSync(sharedData('ansi-nist', 'an2k2txt-payloads.tsv'), 'latin1').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [file = '', payload = '', bytes = '', sha256 = ''] = l.split('\t');
    return { file, payload, bytes: Number(bytes), sha256 };
  });
}

/** The an2k2txt dump split into entries (`r.f.s.i [t.fff]=value`), without the trailing US. */
export function dumpEntries(dumpPath: string): string[] {
  const text = readFileSync(dumpPath, 'latin1');
  const entries = text.split('\x1f\n');
  if (entries.at(-1) === '') entries.pop();
  return entries;
}
