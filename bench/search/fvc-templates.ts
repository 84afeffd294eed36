/**
 * The real templates the synthetic galleries are built from: every FVC image under the data
 * folder, extracted on worker threads. Extraction takes minutes on a loaded machine, so results
 * are cached as JSON under the cache folder, keyed by a hash of the extractor's sources and the
 * image list (a changed extractor re-extracts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractionPool } from '../../src/biometrics/extract/worker-pool.ts';
import type { FingerTemplate } from '../../src/biometrics/template.ts';
import { findDatabases } from '../accuracy/datasets.ts';

export interface SourceTemplate {
  /** Database and finger, e.g. "fvc2002/DB1_B/101": impressions of one finger share it. */
  finger: string;
  impression: number;
  template: FingerTemplate;
}

const extractorDir = fileURLToPath(new URL('../../src/biometrics/extract/', import.meta.url));

function cacheKey(paths: string[]): string {
  const h = createHash('sha256');
  for (const f of readdirSync(extractorDir).filter((n) => n.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(extractorDir, f)));
  for (const p of paths) h.update(p);
  return h.digest('hex').slice(0, 16);
}

export async function loadFvcTemplates(dataDir: string, cacheDir: string, threads: number): Promise<SourceTemplate[]> {
  const dbs = findDatabases(dataDir);
  const images = dbs.flatMap((db) => db.images.map((img) => ({ db, img })));
  const file = join(cacheDir, `fvc-templates-${cacheKey(images.map((i) => i.img.rel))}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SourceTemplate[];
  const pool = new ExtractionPool(threads);
  try {
    const out = await Promise.all(
      images.map(async ({ db, img }) => {
        const { template } = await pool.extract(readFileSync(img.path), db.ppi);
        const impression = Number(/_(\d+)\.png$/i.exec(img.path)![1]);
        return { finger: `${db.name}/${img.finger}`, impression, template };
      }),
    );
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, JSON.stringify(out));
    return out;
  } finally {
    await pool.close();
  }
}
