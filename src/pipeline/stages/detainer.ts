/** The detainer reaches the jail and is lodged against the person (requested → lodged). */
import { loadDetainers, moveDetainer } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type DetainerRef } from '../topics.ts';

export const detainerStage: Stage = {
  name: 'detainer',
  topics: [topics.detainerIssued],
  async handle(tx, messages, ctx) {
    const refs = messages.map((m) => m.payload as DetainerRef);
    const found = await loadDetainers(tx, refs.map((r) => r.detainerId));
    const out = [];
    for (const r of refs) {
      const d = found.get(r.detainerId)!;
      if (d.state !== 'requested') continue; // cancelled before it reached the jail
      await moveDetainer(tx, d, 'lodged', 'received and lodged by the jail', ctx);
      out.push(message(topics.detainerLodged, r.detainerId, r, ctx.at));
    }
    return out;
  },
};
