/**
 * `npm run bench:search -- [--gallery N]... [--json] [--threads T] [--probes P] [--exhaustive E]`:
 * the 1:N ten-print search benchmark (docs/biometrics-search.md). For each gallery size N in
 * fingers (default 10,000, 100,000 and 1,000,000), a gallery of N/10 synthetic persons built from
 * the FVC templates (bench/search/gallery.ts, cached under --cache), plus the six FVC databases as
 * six real persons (fingers 101..110 as positions 1..10, impression 1 enrolled), is loaded into
 * the engine on T worker threads. Reported:
 * - enrolment rate: fingers with enough minutiae to search with (and FVC images that give one);
 * - load time, gallery bytes (records and index) and process RSS;
 * - search latency p50/p99 (wall) and CPU per search, over P mated and P non-mated ten-print
 *   searches run one at a time, with the index postings scanned and records rescored per search;
 * - rank-1 identification rate of mated searches (the mate first, and first with a hit),
 *   the same for the 42 real mated searches (impressions 2..8), and the false-positive
 *   identification rate of non-mated searches at the engine's threshold;
 * - the exhaustive comparison: E mated searches also rescored against every record; of the
 *   exhaustive rank-1 hits, the share the indexed search also ranks first;
 * - with `--reload pglite|postgres`, the gallery's start-up from the store (bench/search/reload.ts):
 *   PGlite in a temporary data directory, or a fresh database on the test PostgreSQL server.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { encodeRecord, fingerCount, fingerOffsets } from '../src/biometrics/search/compact.ts';
import { SearchEngine } from '../src/biometrics/search/engine.ts';
import { MIN_PROBE_MINUTIAE } from '../src/biometrics/search/probe.ts';
import { ridgeFlow } from '../src/biometrics/search/synthetic.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../test/support/store.ts';
import { loadFvcTemplates, type SourceTemplate } from './search/fvc-templates.ts';
import { probeRecord, syntheticGallery } from './search/gallery.ts';
import { measureReload, type ReloadFigures } from './search/reload.ts';
import { machineInfo, machineSummary } from './machine.ts';

const { values } = parseArgs({
  options: {
    gallery: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    threads: { type: 'string', default: '2' },
    probes: { type: 'string', default: '100' },
    exhaustive: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: fileURLToPath(new URL('../../shared/data/fvc', import.meta.url)) },
    cache: { type: 'string', default: '/tmp/seccom-bench-search' },
    reload: { type: 'string' },
  },
});

const sizes = (values.gallery ?? ['10000', '100000', '1000000']).map(Number);
const threads = Number(values.threads);
const probes = Number(values.probes);
const exhaustiveProbes = Number(values.exhaustive);
const seed = Number(values.seed);
if (values.reload !== undefined && values.reload !== 'pglite' && values.reload !== 'postgres') throw new Error('--reload takes pglite or postgres');
/** Readable lines: stdout, or stderr with --json (progress of long runs; stdout stays JSON). */
const log = (s: string) => (values.json ? console.error(s) : console.log(s));

const sources = await loadFvcTemplates(values.data!, values.cache!, threads);
const flowsKey = JSON.stringify(sources.map((s) => [s.finger, s.impression, s.template.minutiae.length]));
const flows = sources.map((s) => ridgeFlow(s.template));

/** The six FVC databases as six persons: finger 101..110 at position 1..10, one record per impression. */
function realPersons(src: readonly SourceTemplate[]): { db: string; impressions: Map<number, Uint8Array> }[] {
  const byDb = new Map<string, SourceTemplate[]>();
  for (const s of src) {
    const db = s.finger.slice(0, s.finger.lastIndexOf('/'));
    byDb.set(db, [...(byDb.get(db) ?? []), s]);
  }
  return [...byDb].map(([db, list]) => {
    const impressions = new Map<number, Uint8Array>();
    for (const imp of new Set(list.map((s) => s.impression))) {
      const fingers = list.filter((s) => s.impression === imp).map((s) => ({ ...s.template, position: Number(s.finger.slice(s.finger.lastIndexOf('/') + 1)) - 100 }));
      impressions.set(imp, encodeRecord(fingers));
    }
    return { db, impressions };
  });
}
const real = realPersons(sources);
const fvcUsable = sources.filter((s) => s.template.minutiae.length >= MIN_PROBE_MINUTIAE).length;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const pct = (n: number, d: number) => (d ? (100 * n) / d : NaN);
const mb = (b: number) => Math.round(b / 2 ** 20);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function run(fingers: number) {
  const persons = Math.ceil(fingers / 10);
  const t0 = performance.now();
  const records = syntheticGallery(flows, flowsKey, seed, persons, values.cache!);
  const buildMs = performance.now() - t0;
  let usable = 0;
  let presented = 0;
  let usableRecords = 0;
  for (const r of records) {
    const counts = fingerOffsets(r).map((fo) => fingerCount(r, fo));
    presented += counts.length;
    const u = counts.filter((n) => n >= MIN_PROBE_MINUTIAE).length;
    usable += u;
    if (u > 0) usableRecords++;
  }
  const engine = new SearchEngine({ threads });
  try {
    const gallery = engine.gallery('bench');
    const loadCpu0 = process.cpuUsage();
    const [, loadMs] = await timed(async () => {
      // One batch, as a reload from the store does: each shard builds its index once.
      await gallery.addRecords([
        ...records.map((record, k) => ({ subjectId: `S${k}`, record: record.slice() })),
        ...real.map((p) => ({ subjectId: `REAL-${p.db}`, record: p.impressions.get(1)!.slice() })),
      ]);
    });
    const loadCpu = process.cpuUsage(loadCpu0);
    const stats = await gallery.stats();
    const rss = process.memoryUsage().rss;
    log(
      `\n${fingers} fingers (${persons} synthetic persons + ${real.length} real): built/loaded from cache in ${(buildMs / 1000).toFixed(1)} s, engine load ${(loadMs / 1000).toFixed(1)} s (${((loadCpu.user + loadCpu.system) / 1e6).toFixed(1)} CPU-s, all threads)`,
    );

    log(`  ${probes} mated, ${probes} non-mated and the real searches...`);
    // Warm up the threads (compilation) before timing.
    for (let p = 0; p < 3; p++) await gallery.search(probeRecord(flows, seed, p));

    const ms: number[] = [];
    let scanned = 0;
    let rescored = 0;
    let cpuMicros = 0;
    // CPU of the process (every thread) while the search runs, so building the probe is not counted.
    const search = async (probe: Uint8Array) => {
      const c0 = process.cpuUsage();
      const [r, t] = await timed(() => gallery.search(probe, { top: 10 }));
      const c = process.cpuUsage(c0);
      cpuMicros += c.user + c.system;
      ms.push(t);
      scanned += r.scanned;
      rescored += r.rescored;
      return r;
    };
    let rank1 = 0;
    let tpir = 0;
    const matedIds: number[] = [];
    for (let p = 0; p < probes; p++) {
      const person = Math.floor(((p + 0.5) * persons) / probes);
      matedIds.push(person);
      const r = await search(probeRecord(flows, seed, person));
      if (r.candidates[0]?.subjectId === `S${person}`) {
        rank1++;
        if (r.candidates[0].hit) tpir++;
      }
    }
    let falsePositives = 0;
    let threshold = 0;
    const nonMatedTop: number[] = [];
    for (let p = 0; p < probes; p++) {
      const r = await search(probeRecord(flows, seed, persons + 1_000_000 + p));
      threshold = r.threshold;
      nonMatedTop.push(r.candidates[0]?.score ?? 0);
      if (r.candidates.some((c) => c.hit)) falsePositives++;
    }
    let realRank1 = 0;
    let realTpir = 0;
    let realSearches = 0;
    for (const p of real) {
      for (const [imp, record] of p.impressions) {
        if (imp === 1) continue;
        realSearches++;
        const r = await search(record);
        if (r.candidates[0]?.subjectId === `REAL-${p.db}`) {
          realRank1++;
          if (r.candidates[0].hit) realTpir++;
        }
      }
    }
    const searches = ms.length;

    log(`  ${Math.min(exhaustiveProbes, matedIds.length)} exhaustive searches...`);
    let exhaustiveHits = 0;
    let indexedAgrees = 0;
    let exhaustiveMs = 0;
    for (const person of matedIds.slice(0, exhaustiveProbes)) {
      const probe = probeRecord(flows, seed, person);
      const [ex, t] = await timed(() => gallery.search(probe, { top: 1, exhaustive: true }));
      exhaustiveMs += t;
      if (ex.candidates[0]?.subjectId !== `S${person}` || !ex.candidates[0].hit) continue;
      exhaustiveHits++;
      const ix = await gallery.search(probe, { top: 1 });
      if (ix.candidates[0]?.subjectId === `S${person}` && ix.candidates[0].hit) indexedAgrees++;
    }

    const out = {
      fingers,
      persons: persons + real.length,
      threads,
      enrolment: { fingers: pct(usable, presented), records: pct(usableRecords, records.length), fvcImages: pct(fvcUsable, sources.length) },
      load: { seconds: loadMs / 1000, cpuSeconds: (loadCpu.user + loadCpu.system) / 1e6 },
      memory: { galleryMB: mb(stats.bytes), bytesPerFinger: stats.bytes / stats.fingers, rssMB: mb(rss) },
      latencyMs: { p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), cpuPerSearch: cpuMicros / 1000 / searches },
      perSearch: { postingsScanned: scanned / searches, recordsRescored: rescored / searches },
      mated: { searches: probes, rank1: pct(rank1, probes), rank1WithHit: pct(tpir, probes) },
      realMated: { searches: realSearches, rank1: pct(realRank1, realSearches), rank1WithHit: pct(realTpir, realSearches) },
      nonMated: { searches: probes, threshold, fpir: pct(falsePositives, probes), topScoreP99: quantile(nonMatedTop, 0.99) },
      exhaustive: { searches: Math.min(exhaustiveProbes, matedIds.length), hits: exhaustiveHits, indexedAgrees, ratio: pct(indexedAgrees, exhaustiveHits), msPerSearch: exhaustiveMs / Math.max(1, Math.min(exhaustiveProbes, matedIds.length)) },
      loadAverage: loadavg()[0]!,
    };
    log(`  enrolment: ${out.enrolment.fingers.toFixed(2)}% of fingers, ${out.enrolment.records.toFixed(2)}% of records (FVC images: ${out.enrolment.fvcImages.toFixed(1)}%)`);
    log(`  memory: gallery ${out.memory.galleryMB} MB (${out.memory.bytesPerFinger.toFixed(0)} B/finger), process RSS ${out.memory.rssMB} MB`);
    log(`  search (${searches} ten-print searches, ${threads} threads): p50 ${out.latencyMs.p50.toFixed(0)} ms, p99 ${out.latencyMs.p99.toFixed(0)} ms, CPU ${out.latencyMs.cpuPerSearch.toFixed(0)} ms/search`);
    log(`  per search: ${Math.round(out.perSearch.postingsScanned)} index postings scanned, ${out.perSearch.recordsRescored.toFixed(1)} records rescored`);
    log(`  mated rank-1: ${out.mated.rank1.toFixed(1)}% (with hit ${out.mated.rank1WithHit.toFixed(1)}%); real FVC persons: ${out.realMated.rank1.toFixed(1)}% (with hit ${out.realMated.rank1WithHit.toFixed(1)}%) of ${realSearches}`);
    log(`  non-mated: FPIR ${out.nonMated.fpir.toFixed(2)}% at threshold ${threshold.toFixed(1)} (top score p99 ${out.nonMated.topScoreP99.toFixed(1)})`);
    if (out.exhaustive.searches > 0) log(`  exhaustive: ${exhaustiveHits} rank-1 hits of ${out.exhaustive.searches}; indexed agrees on ${indexedAgrees} (${out.exhaustive.ratio.toFixed(1)}%); exhaustive ${(out.exhaustive.msPerSearch / 1000).toFixed(1)} s/search`);
    log(`  load average after the searches: ${out.loadAverage.toFixed(1)}`);
    return out;
  } finally {
    await engine.close();
  }
}

log(machineSummary());
const load = loadavg()[0]!;
log(`load average at start: ${load.toFixed(1)} (figures on a shared machine are noisy)`);
/** The gallery of `fingers` (synthetic and real persons) reloaded from a fresh store. */
async function reload(fingers: number, kind: 'pglite' | 'postgres'): Promise<ReloadFigures> {
  const records = [...syntheticGallery(flows, flowsKey, seed, Math.ceil(fingers / 10), values.cache!), ...real.map((p) => p.impressions.get(1)!)];
  if (kind === 'postgres') {
    const db = await createTestDatabase();
    try {
      return await measureReload(records, { url: db.url }, threads);
    } finally {
      await db.drop();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'seccom-bench-search-'));
  try {
    return await measureReload(records, { dataDir: dir }, threads);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const n of sizes) {
  const out = await run(n);
  if (!values.reload) {
    results.push(out);
    continue;
  }
  const r = await reload(n, values.reload);
  log(
    `  store reload (${r.store}, ${r.subjects} subjects): ${r.reload.seconds.toFixed(1)} s (${r.reload.cpuSeconds.toFixed(1)} CPU-s); first open encoding and saving them ${r.firstOpen.seconds.toFixed(1)} s (${r.firstOpen.cpuSeconds.toFixed(1)} CPU-s)`,
  );
  results.push({ ...out, reload: r });
}
if (values.json) console.log(JSON.stringify({ machine: machineInfo(), loadAverage: load, results }, null, 2));
