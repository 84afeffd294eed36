/**
 * The engine behind the pipeline's StateSearch port (src/pipeline/ports.ts): one gallery per state
 * (`sib:TX`), loaded from the store at start like the federal galleries (gallery-store.ts). A
 * person held by a running transaction is in the state's gallery at once and taken out again if
 * it fails (a process runs one SIB batch at a time: both buses hand a stage its batches in turn,
 * so whoever is held belongs to the running transaction). Committed enrolments are saved in the background; close() waits for the saves, and a
 * failed background step fails the next search.
 */
import { asc, max } from 'drizzle-orm';
import type { SearchCandidate, StateEnrolment, StateSearch } from '../../pipeline/ports.ts';
import { stateSubjects } from '../../store/schema/index.ts';
import type { Store } from '../../store/store.ts';
import type { FingerTemplate } from '../template.ts';
import { BackgroundSteps, portCandidates } from './background.ts';
import { encodeRecord } from './compact.ts';
import type { Gallery, SearchEngine } from './engine.ts';
import { saveRecords, stateGalleryName } from './gallery-store.ts';

export class EngineStateSearch implements StateSearch {
  private readonly seen = new Map<string, number>();
  /** Held people by state: SID → their compact record. */
  private readonly held = new Map<string, Map<string, Uint8Array>>();
  readonly background = new BackgroundSteps();

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

  async search(state: string, probe: readonly FingerTemplate[], limit = 5): Promise<SearchCandidate[]> {
    this.background.check();
    return portCandidates(await this.gallery(state).search(probe, { top: limit }));
  }

  async hold(state: string, person: StateEnrolment): Promise<void> {
    const record = encodeRecord(person.templates);
    const held = this.held.get(state) ?? new Map<string, Uint8Array>();
    this.held.set(state, held.set(person.sid, record));
    await this.gallery(state).addRecords([{ subjectId: person.sid, record }]);
  }

  enrol(state: string, people: readonly StateEnrolment[]): void {
    const name = stateGalleryName(state);
    const held = this.held.get(state);
    const entries = people.map((p) => ({ subjectId: p.sid, record: held?.get(p.sid) ?? encodeRecord(p.templates) }));
    const toAdd = entries.filter((e) => !held?.delete(e.subjectId));
    if (toAdd.length) this.background.run(this.gallery(state).addRecords(toAdd));
    for (const p of people) this.loaded(state, p.seq);
    if (entries.length === 0) return;
    this.background.save(saveRecords(this.store, name, entries));
  }

  release(): void {
    for (const [state, held] of this.held) for (const sid of held.keys()) this.background.run(this.gallery(state).remove(sid));
    this.held.clear();
  }

  private gallery(state: string): Gallery {
    return this.engine.gallery(stateGalleryName(state));
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
