/**
 * The engine behind the pipeline's TenprintSearch port (src/pipeline/ports.ts): one engine with
 * the CJIS and IDENT galleries and the SIB's state galleries (state-port.ts), loaded from the store
 * at start (gallery-store.ts). An enrolment
 * reaches the engine at once (so the next search sees it) and is saved in the background; close()
 * waits for the saves. A failed background step fails the next search rather than passing
 * unnoticed.
 */
import type { SearchCandidate, StateSearch, TenprintSearch } from '../../pipeline/ports.ts';
import type { Store } from '../../store/store.ts';
import type { FingerTemplate } from '../template.ts';
import { BackgroundSteps, portCandidates } from './background.ts';
import { encodeRecord } from './compact.ts';
import { SearchEngine, type Gallery } from './engine.ts';
import { countSubjects, galleryNames, loadGallery, saveRecord, stateGalleryName, type GalleryName } from './gallery-store.ts';
import { EngineStateSearch, repositoryThrough } from './state-port.ts';

/** Below this many subjects in all galleries the engine searches in the calling thread. */
export const WORKER_THRESHOLD = 20_000;

export interface EngineSearches {
  stateSearch: StateSearch;
  cjisSearch: TenprintSearch;
  identSearch: TenprintSearch;
  readonly engine: SearchEngine;
  close(): Promise<void>;
}

class EngineTenprintSearch implements TenprintSearch {
  readonly background = new BackgroundSteps();

  constructor(
    private readonly store: Store,
    private readonly name: GalleryName,
    private readonly gallery: Gallery,
  ) {}

  async search(probe: readonly FingerTemplate[], limit = 5): Promise<SearchCandidate[]> {
    this.background.check();
    return portCandidates(await this.gallery.search(probe, { top: limit }));
  }

  enrol(subjectId: string, templates: readonly FingerTemplate[]): void {
    const entry = { subjectId, record: encodeRecord(templates) };
    this.background.run(this.gallery.addRecords([entry]));
    this.background.save(saveRecord(this.store, this.name, entry));
  }
}

/**
 * An engine with the store's galleries `names` loaded. `threads` defaults to worker threads (two)
 * only when those galleries hold WORKER_THRESHOLD subjects or more.
 */
export async function openStoreGalleries(
  store: Store,
  names: readonly GalleryName[] = galleryNames,
  opts: { threads?: number } = {},
): Promise<{ engine: SearchEngine; galleries: Map<GalleryName, Gallery> }> {
  let threads = opts.threads;
  if (threads === undefined) {
    let subjects = 0;
    for (const name of names) subjects += await countSubjects(store, name);
    threads = subjects >= WORKER_THRESHOLD ? 2 : 0;
  }
  const engine = new SearchEngine({ threads });
  try {
    const galleries = new Map<GalleryName, Gallery>();
    for (const name of names) {
      const gallery = engine.gallery(name);
      await loadGallery(store, name, gallery);
      galleries.set(name, gallery);
    }
    return { engine, galleries };
  } catch (e) {
    await engine.close();
    throw e;
  }
}

/** The pipeline's three searches over one engine with every gallery loaded. */
export async function openEngineSearches(store: Store, opts: { threads?: number } = {}): Promise<EngineSearches> {
  const through = await repositoryThrough(store);
  const { engine, galleries } = await openStoreGalleries(store, [...galleryNames, ...[...through.keys()].map(stateGalleryName)], opts);
  const cjis = new EngineTenprintSearch(store, 'cjis', galleries.get('cjis')!);
  const ident = new EngineTenprintSearch(store, 'ident', galleries.get('ident')!);
  const state = new EngineStateSearch(store, engine);
  for (const [s, seq] of through) state.loaded(s, seq);
  return {
    stateSearch: state,
    cjisSearch: cjis,
    identSearch: ident,
    engine,
    async close() {
      await Promise.all([cjis, ident, state].map((port) => port.background.settled()));
      await engine.close();
    },
  };
}
