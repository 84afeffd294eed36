/**
 * The background steps of a search port (gallery additions and removals, saves to the store): the
 * first failure is kept so that the next search throws it rather than it passing unnoticed, and
 * saves are tracked so that closing waits for them.
 */
import type { SearchCandidate } from '../../pipeline/ports.ts';
import type { SearchResult } from './engine.ts';

export class BackgroundSteps {
  private failure: unknown;
  private readonly saves = new Set<Promise<void>>();

  /** Throws the first failure of a background step. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** A step nobody waits for. */
  run(step: Promise<unknown>): void {
    step.catch((e: unknown) => {
      this.failure ??= e;
    });
  }

  /** A save, which `settled` waits for. */
  save(step: Promise<void>): void {
    const save = step.catch((e: unknown) => {
      this.failure ??= e;
    });
    this.saves.add(save);
    void save.finally(() => this.saves.delete(save));
  }

  /** Resolves when the saves started so far have ended. */
  async settled(): Promise<void> {
    await Promise.all(this.saves);
  }
}

/** The port's view of an engine result's candidates. */
export function portCandidates(result: SearchResult): SearchCandidate[] {
  return result.candidates.map((c) => ({ subjectId: c.subjectId, score: c.score, hit: c.hit }));
}
