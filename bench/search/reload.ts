/**
 * Store reload of a search gallery, as a process start does it (openStoreGalleries): the
 * benchmark's records are enrolled as immigration subjects of a fresh store (templates decoded
 * from the compact records), then the IDENT gallery is opened twice on `threads` workers. The
 * first open finds no search_gallery rows, encodes every subject and saves the rows (a first start
 * on a seeded world); the second reads the saved rows back and indexes them (every later start),
 * which is the figure that matters.
 */
import { decodeRecord } from '../../src/biometrics/search/compact.ts';
import { openStoreGalleries } from '../../src/biometrics/search/tenprint-port.ts';
import { insertAudited } from '../../src/store/audited.ts';
import { openStore, type StoreOptions } from '../../src/store/open.ts';
import { immigrationSubjects } from '../../src/store/schema/index.ts';

export interface ReloadFigures {
  store: 'pglite' | 'postgres';
  subjects: number;
  /** Enrolling the subjects in the system of record (setup, not part of a start). */
  setupSeconds: number;
  /** First open: encode every subject from its templates, save the rows, index. */
  firstOpen: { seconds: number; cpuSeconds: number };
  /** Later opens: read the saved rows, reconcile, index. */
  reload: { seconds: number; cpuSeconds: number };
}

/** Subjects inserted per transaction during setup. */
const SETUP_CHUNK = 5000;

export async function measureReload(records: readonly Uint8Array[], storeOptions: StoreOptions, threads: number): Promise<ReloadFigures> {
  const store = await openStore(storeOptions);
  try {
    const at = new Date('2026-01-01T00:00:00Z');
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += SETUP_CHUNK) {
      const rows = records.slice(i, i + SETUP_CHUNK).map((record, k) => ({
        fin: `FIN${String(i + k).padStart(9, '0')}`,
        personId: `BENCH${i + k}`,
        aNumber: null,
        status: 'visa',
        familyName: 'BENCH',
        givenName: 'SUBJECT',
        dob: '1980-01-01',
        sex: 'X',
        pob: 'XX',
        priorRemovalOrder: false,
        templates: decodeRecord(record),
        enrolledAt: at,
      }));
      await store.transaction((tx) => insertAudited(tx, immigrationSubjects, rows, { actor: 'bench:search', at }));
    }
    const setupSeconds = (performance.now() - t0) / 1000;
    const open = async () => {
      const cpu0 = process.cpuUsage();
      const w0 = performance.now();
      const { engine, galleries } = await openStoreGalleries(store, ['ident'], { threads });
      // The open is done when the shards have indexed what they were sent.
      const stats = await galleries.get('ident')!.stats();
      const seconds = (performance.now() - w0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      await engine.close();
      if (stats.records !== records.length) throw new Error(`reload gave ${stats.records} records, expected ${records.length}`);
      return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    };
    const firstOpen = await open();
    const reload = await open();
    return { store: store.kind, subjects: records.length, setupSeconds, firstOpen, reload };
  } finally {
    await store.close();
  }
}
