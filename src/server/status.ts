/**
 * The status page (/status) and its JSON (/api/status): totals per hop, where bookings ended,
 * what is in flight, the simulated clock. Aggregates only, no personal data, so public.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../domain/clock.ts';
import { flowState, pipelineCounts } from '../pipeline/counts.ts';
import type { Store } from '../store/store.ts';

export interface StatusSource {
  store: Store;
  clock: Clock;
  /** Extra facts about the running job (world, speed, last error …). */
  describe(): Record<string, unknown>;
}

export async function statusJson(src: StatusSource) {
  return {
    clock: src.clock.now().toISOString(),
    store: { kind: src.store.kind, location: src.store.location },
    ...src.describe(),
    counts: await pipelineCounts(src.store.db),
    flow: await flowState(src.store.db),
  };
}

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>seccom status</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:2rem;max-width:52rem;color:#222}
h1{font-size:1.4rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{padding:.2rem .8rem;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#777}
</style></head><body>
<h1>seccom: bookings through the pipeline</h1>
<p class="muted">All people are synthetic. Simulated time: <b id="clock">…</b>. JSON: <a href="/api/status">/api/status</a>. Console: <a href="/">/</a>.</p>
<h2>Per hop</h2><table id="hops"></table>
<h2>Where bookings ended</h2><table id="outcomes"></table>
<h2>In flight</h2><table id="flight"></table>
<script>
const rows = (id, pairs) => { document.getElementById(id).innerHTML = pairs.map(([k, v]) => '<tr><td>' + k + '</td><td class="n">' + v + '</td></tr>').join(''); };
async function refresh() {
  try {
    const s = await (await fetch('/api/status')).json();
    const c = s.counts;
    document.getElementById('clock').textContent = s.clock;
    rows('hops', [['bookings', c.bookings], ['forwarded to DHS (SIB)', c.sibForwarded], ['CJIS idents', c.cjisHits], ['IDENT matches', c.identMatches], ['IAQs / IARs (LESC)', c.iaqs + ' / ' + c.iars], ['detainers lodged', c.detainers.lodged], ['honoured', c.detainers.honoured], ['declined', c.detainers.declined], ['lapsed', c.detainers.lapsed], ['audit entries', c.auditEntries]]);
    rows('outcomes', Object.entries(s.flow.outcomes));
    rows('flight', [['bookings in flight', s.flow.inFlight], ['messages pending', s.flow.messages.pending], ['messages dead', s.flow.messages.dead]]);
  } catch (e) { document.getElementById('clock').textContent = 'unreachable'; }
}
refresh(); setInterval(refresh, 2000);
</script></body></html>`;

export function statusRoutes(src: StatusSource) {
  return async (app: FastifyInstance) => {
    app.get('/status', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
    app.get('/api/status', { config: { access: { public: true } } }, async () => statusJson(src));
  };
}
