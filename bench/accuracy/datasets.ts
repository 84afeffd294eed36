/**
 * Finds benchmark databases under a folder: every folder holding images named
 * FINGER_IMPRESSION.png is one database. Resolution comes from a manifest.json at the root
 * (FVC layout: databases[].folder and resolution_dpi), else 500 ppi.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BenchImage {
  path: string;
  /** Path relative to the data root, as nfiq.csv names it. */
  rel: string;
  finger: string;
}

export interface BenchDatabase {
  name: string;
  ppi: number;
  images: BenchImage[];
}

const IMAGE = /^([^_]+)_(\d+)\.png$/i;

export function findDatabases(root: string): BenchDatabase[] {
  const dpi = new Map<string, number>();
  const manifest = join(root, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { databases?: { folder: string; resolution_dpi?: number }[] };
    for (const d of m.databases ?? []) if (d.resolution_dpi) dpi.set(d.folder, d.resolution_dpi);
  }
  const out: BenchDatabase[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    const images = names.filter((n) => IMAGE.test(n));
    if (images.length) {
      const name = relative(root, dir) || '.';
      out.push({
        name,
        ppi: dpi.get(name) ?? 500,
        images: images.map((n) => ({ path: join(dir, n), rel: relative(root, join(dir, n)), finger: IMAGE.exec(n)![1]! })),
      });
    }
    for (const n of names) if (!n.startsWith('.') && statSync(join(dir, n)).isDirectory()) walk(join(dir, n));
  };
  walk(root);
  return out;
}

/** NFIQ scores by relative image path from `nfiq.csv` (file,nfiq) at the root, if present. */
export function readNfiq(root: string): Map<string, number> {
  const f = join(root, 'nfiq.csv');
  const out = new Map<string, number>();
  if (!existsSync(f)) return out;
  for (const line of readFileSync(f, 'utf8').split('\n').slice(1)) {
    const [file, v] = line.trim().split(',');
    if (file && v) out.set(file, Number(v));
  }
  return out;
}
