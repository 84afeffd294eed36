/**
 * The engine behind the pipeline's StateSearch port (src/pipeline/ports.ts): one gallery per state
 * (`sib:TX`), loaded from the store at start like the federal galleries (gallery-store.ts). People
 * a transaction enrols are held in a second gallery per state (`sib-held:TX`) while it runs, so a
 * person booked twice in one batch is found the second time, and nothing uncommitted reaches the
 * state's gallery. Committed enrolments are saved in the background; close() waits for the saves,
 * and a failed background step fails the next search.
 */
import { asc, max } from 'drizzle-orm';
import type { SearchCandidate, StateEnrolment, StateSearch } from '../../pipeline/ports.ts';
import { stateSubjects } from '../../store/schema/index.ts';
import type { Store } from '../../store/store.ts';
import type { FingerTemplate } from '../template.ts';
import { encodeRecord } from './compact.ts';
import type { Gallery, SearchEngine } from './engine.ts';
import { saveRecord, stateGalleryName } from './gallery-store.ts';

export class EngineStateSearch implements StateSearch {
  private readonly seen = new Map<string, number>();
  private readonly held = new Map<string, string[]>();
  private failure: unknown;
  readonly saves = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly engine: SearchEngine,
  ) {}

  /** Records that the state's gallery, as loaded, holds its people up to `seq`. */
  loaded(state: string, seq: number): void {
    this.seen.set(state, Math.max(seq, this.through(state)));
  }

  through(state: string): number {
    return this.seen.get(state) ?? 0;
  }

  enrol(state: string, people: readonly StateEnrolment[]): void {
    const name = stateGalleryName(state);
    const entries = people.map((p) => ({ subjectId: p.sid, record: encodeRecord(p.templates) }));
    for (const p of people) this.loaded(state, p.seq);
    const fail = (e: unknown) => {
      this.failure ??= e;
    };
    this.engine.gallery(name).addRecords(entries).catch(fail);
    for (const entry of entries) {
      const save = saveRecord(this.store, name, entry).catch(fail);
      this.saves.add(save);
      void save.finally(() => this.saves.delete(save));
    }
  }

  async search(state: string, probe: readonly FingerTemplate[], limit = 5): Promise<SearchCandidate[]> {
    if (this.failure) throw this.failure;
    const record = encodeRecord(probe);
    const galleries = [this.gallery(state)];
    if (this.held.get(state)?.length) galleries.push(this.heldGallery(state));
    const found = (await Promise.all(galleries.map((g) => g.search(record, { top: limit })))).flatMap((r) => r.candidates);
    return found
      .sort((a, b) => b.score - a.score || (a.subjectId < b.subjectId ? -1 : 1))
      .slice(0, limit)
      .map((c) => ({ subjectId: c.subjectId, score: c.score, hit: c.hit }));
  }

  async hold(state: string, key: string, templates: readonly FingerTemplate[]): Promise<void> {
    const keys = this.held.get(state) ?? [];
    this.held.set(state, keys);
    keys.push(key);
    await this.heldGallery(state).addRecords([{ subjectId: key, record: encodeRecord(templates) }]);
  }

  async release(): Promise<void> {
    const held = [...this.held];
    this.held.clear();
    await Promise.all(held.flatMap(([state, keys]) => keys.map((key) => this.heldGallery(state).remove(key))));
  }

  private gallery(state: string): Gallery {
    return this.engine.gallery(stateGalleryName(state));
  }

  private heldGallery(state: string): Gallery {
    return this.engine.gallery(`sib-held:${state}`);
  }
}

/**
 * The states with people in their repositories and the highest sequence number of each, read
 * before their galleries load (so a gallery holds at least that much; later enrolments are caught
 * up by the SIB).
 */
export async function repositoryThrough(store: Store): Promise<Map<string, number>> {
  const rows = await store.db
    .select({ state: stateSubjects.state, seq: max(stateSubjects.seq) })
    .from(stateSubjects)
    .groupBy(stateSubjects.state)
    .orderBy(asc(stateSubjects.state));
  return new Map(rows.map((r) => [r.state, r.seq ?? 0]));
}
