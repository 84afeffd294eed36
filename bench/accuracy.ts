/**
 * `npm run bench:accuracy -- [--data DIR] [--json] [--threads N]`: the fingerprint accuracy and
 * speed benchmark (--threads > 1 extracts on worker threads; 1, the default, in this thread so
 * CPU time per image can be measured too). Per database: every ordered pair of distinct images is compared; same finger
 * = genuine, different fingers = impostor. Prints EER and FNMR at FMR 1%, 0.1% and 0 per database
 * and averaged, extraction ms/image, 1:1 comparisons per second on one thread (probe prepared
 * once, as in 1:N search; preparation reported apart), and the rank correlation of our image
 * quality with NBIS NFIQ when DIR has nfiq.csv.
 *
 * `--fit-thresholds` also scores every pair of images of different fingers across all databases
 * (each database's fingers are distinct people) and prints the score → FMR table for
 * src/biometrics/match/thresholds.ts.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ExtractionPool } from '../src/biometrics/extract/worker-pool.ts';
import { extractTemplate } from '../src/biometrics/extract/extract.ts';
import { decodeImage } from '../src/formats/images/index.ts';
import type { FingerTemplate } from '../src/biometrics/template.ts';
import { errorRates, type ErrorRates } from '../src/biometrics/match/error-rates.ts';
import { Matcher, prepareProbe } from '../src/biometrics/match/matcher.ts';
import { packTemplate, type PackedTemplate } from '../src/biometrics/match/packed-template.ts';
import { spearman } from '../src/biometrics/match/rank-correlation.ts';
import { findDatabases, readNfiq } from './accuracy/datasets.ts';
import { fitThresholds } from './accuracy/fit-thresholds.ts';
import { calibrationNsPerIteration } from './accuracy/calibration.ts';
import { machineSummary } from './machine.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: fileURLToPath(new URL('../../shared/data/fvc', import.meta.url)) },
    json: { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
    'fit-thresholds': { type: 'boolean', default: false },
  },
});

const dbs = findDatabases(values.data!);
if (dbs.length === 0) {
  console.error(`no databases (folders of FINGER_IMPRESSION.png) under ${values.data}`);
  process.exit(1);
}

// On a shared machine wall-clock times include waiting for a core; process CPU time does not,
// so both are reported (CPU time only when this thread does all the work).
const cpuMs = () => process.cpuUsage().user / 1000;
const threads = Math.max(1, Number(values.threads));
let extractMs = 0;
let extractCpuMs = 0;
let extracted = 0;
const templates = new Map<string, { packed: PackedTemplate; quality: number }>();
const keep = (path: string, template: FingerTemplate) => templates.set(path, { packed: packTemplate(template), quality: template.quality });
if (threads === 1) {
  for (const db of dbs) {
    for (const img of db.images) {
      const image = decodeImage(readFileSync(img.path), { ppi: db.ppi });
      const c0 = cpuMs();
      const t0 = performance.now();
      const { template } = extractTemplate(image, { ppi: db.ppi });
      extractMs += performance.now() - t0;
      extractCpuMs += cpuMs() - c0;
      extracted++;
      keep(img.path, template);
    }
  }
} else {
  const pool = new ExtractionPool(threads);
  try {
    await Promise.all(
      dbs.flatMap((db) =>
        db.images.map(async (img) => {
          const r = await pool.extract(readFileSync(img.path), db.ppi);
          extractMs += r.ms;
          extracted++;
          keep(img.path, r.template);
        }),
      ),
    );
  } finally {
    await pool.close();
  }
}

const perDb: ({ db: string } & ErrorRates)[] = [];
let comparisons = 0;
let matchMs = 0;
let matchCpuMs = 0;
let prepareMs = 0;
let prepareCpuMs = 0;
let probes = 0;
for (const db of dbs) {
  const packed = db.images.map((i) => templates.get(i.path)!.packed);
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let a = 0; a < packed.length; a++) {
    // Probe preparation is timed apart: in 1:N search it is paid once per search.
    let t0 = performance.now();
    let c0 = cpuMs();
    const matcher = new Matcher(prepareProbe(packed[a]!));
    prepareMs += performance.now() - t0;
    prepareCpuMs += cpuMs() - c0;
    probes++;
    t0 = performance.now();
    c0 = cpuMs();
    for (let b = 0; b < packed.length; b++) {
      if (a === b) continue;
      const s = matcher.score(packed[b]!);
      (db.images[a]!.finger === db.images[b]!.finger ? genuine : impostor).push(s);
    }
    matchMs += performance.now() - t0;
    matchCpuMs += cpuMs() - c0;
  }
  comparisons += packed.length * (packed.length - 1);
  perDb.push({ db: db.name, ...errorRates(genuine, impostor) });
}

const mean = (k: keyof ErrorRates) => perDb.reduce((s, r) => s + r[k], 0) / perDb.length;
const nfiq = readNfiq(values.data!);
const qualityPairs = dbs.flatMap((db) => db.images.filter((i) => nfiq.has(i.rel)).map((i) => [templates.get(i.path)!.quality, nfiq.get(i.rel)!]));
const result = {
  perDb,
  avg: { eer: mean('eer'), fnmrAt1e2: mean('fnmrAt1e2'), fnmrAt1e3: mean('fnmrAt1e3'), zeroFmr: mean('zeroFmr') },
  extractMsPerImage: extractMs / extracted,
  comparisonsPerSecondPerThread: comparisons / (matchMs / 1000),
  // Same figures in CPU time (robust to other load on the machine); extraction only with --threads 1.
  extractCpuMsPerImage: threads === 1 ? extractCpuMs / extracted : null,
  comparisonsPerSecondPerThreadCpu: comparisons / (matchCpuMs / 1000),
  probePrepareMs: prepareMs / probes,
  probePrepareCpuMs: prepareCpuMs / probes,
  loadAverage: loadavg()[0],
  calibrationNsPerIteration: calibrationNsPerIteration(),
  // NFIQ: 1 best … 5 worst, so agreement shows as a negative correlation.
  nfiqSpearman: qualityPairs.length ? spearman(qualityPairs.map((p) => p[0]!), qualityPairs.map((p) => p[1]!)) : null,
  images: extracted,
  machine: machineSummary(),
};

if (values['fit-thresholds']) {
  const all = dbs.flatMap((db) => db.images.map((i) => ({ id: `${db.name}/${i.finger}`, packed: templates.get(i.path)!.packed })));
  console.log(fitThresholds(all));
}
if (values.json) console.log(JSON.stringify(result));
else {
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`.padStart(8);
  console.log(result.machine);
  console.log(`${'database'.padEnd(16)}     EER  FNMR@1%  FNMR@0.1%  ZeroFMR`);
  for (const r of [...perDb, { db: 'average', ...result.avg }]) {
    console.log(`${r.db.padEnd(16)}${pct(r.eer)} ${pct(r.fnmrAt1e2)}   ${pct(r.fnmrAt1e3)} ${pct(r.zeroFmr)}`);
  }
  const cpuExtract = result.extractCpuMsPerImage === null ? '' : ` (${result.extractCpuMsPerImage.toFixed(1)} ms CPU)`;
  console.log(`extraction ${result.extractMsPerImage.toFixed(1)} ms/image${cpuExtract}, ${extracted} images`);
  console.log(`matching ${Math.round(result.comparisonsPerSecondPerThread)} comparisons/s/thread (${Math.round(result.comparisonsPerSecondPerThreadCpu)}/s of CPU time), probe preparation ${result.probePrepareMs.toFixed(2)} ms (${result.probePrepareCpuMs.toFixed(2)} ms CPU)`);
  console.log(`load average ${result.loadAverage.toFixed(1)}, calibration loop ${result.calibrationNsPerIteration.toFixed(2)} ns/iteration of CPU time (≈ 1–1.5 at rest)`);
  if (result.nfiqSpearman !== null) console.log(`quality vs NFIQ Spearman ρ = ${result.nfiqSpearman.toFixed(3)} (negative = agreement)`);
}
