/**
 * PLACEHOLDER tenprint search: a finger matches only when its minutiae are exactly those enrolled
 * (as when a livescan capture is an exact copy of the world's finger). Score = fingers matched;
 * a hit needs 6. The 1:N engine from src/biometrics replaces it behind TenprintSearch.
 */
import { createHash } from 'node:crypto';
import type { FingerTemplate } from '../../biometrics/template.ts';
import type { SearchCandidate, TenprintSearch } from '../ports.ts';

export const exactHitFingers = 6;

function fingerKey(t: FingerTemplate): string {
  const h = createHash('sha1');
  h.update(String(t.position));
  for (const m of t.minutiae) h.update(`|${m.x},${m.y},${m.angle.toFixed(4)},${m.type}`);
  return h.digest('base64');
}

export class ExactTemplateSearch implements TenprintSearch {
  readonly #byFinger = new Map<string, string[]>();

  enrol(subjectId: string, templates: readonly FingerTemplate[]): void {
    for (const t of templates) {
      const key = fingerKey(t);
      const list = this.#byFinger.get(key);
      if (!list) this.#byFinger.set(key, [subjectId]);
      else if (!list.includes(subjectId)) list.push(subjectId);
    }
  }

  async search(probe: readonly FingerTemplate[], limit = 5): Promise<SearchCandidate[]> {
    const votes = new Map<string, number>();
    for (const t of probe) for (const id of this.#byFinger.get(fingerKey(t)) ?? []) votes.set(id, (votes.get(id) ?? 0) + 1);
    return [...votes]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([subjectId, fingers]) => ({ subjectId, score: fingers, hit: fingers >= exactHitFingers }));
  }
}
