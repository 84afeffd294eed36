import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../../store/schema/index.ts';
import { asSuperuser } from '../../../test/support/store.ts';
import { call, openTestApi, problem, signIn, type Caller, type TestApi } from '../../../test/support/api.ts';
import { counties, people, runPipeline, seedConsoleWorld, submission, worldPassword, type ConsoleWorld, type WorldUser } from '../../../test/support/console-world.ts';
import type { StatsView } from '../contract/stats.ts';

describe('API: oversight statistics', () => {
  let t: TestApi;
  let world: ConsoleWorld;
  const as: Partial<Record<WorldUser, Caller>> = {};
  const user = async (name: WorldUser) => (as[name] ??= await signIn(t.app, name, worldPassword));
  const stats = async (name: WorldUser, query = '') => {
    const res = await call(t.app, 'GET', `/api/stats${query}`, await user(name));
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as StatsView;
  };

  before(async () => {
    t = await openTestApi();
    world = await seedConsoleWorld(t.ctx, t.clock);
  });
  after(() => t.close());

  test('401 anonymous, 403 for roles without stats', async () => {
    assert.equal(problem(await call(t.app, 'GET', '/api/stats')).code, 'SECCOM_UNAUTHENTICATED');
    for (const name of ['hartford', 'analyst', 'ero', 'admin'] as const) {
      const res = await call(t.app, 'GET', '/api/stats', await user(name));
      assert.equal(res.statusCode, 403, name);
      assert.equal(problem(res).code, 'SECCOM_FORBIDDEN');
    }
  });

  test('the inspector sees every booking: detainers, no-conviction detainers, citizens, outcomes', async () => {
    const s = await stats('inspector');
    assert.equal(s.totals.bookings, 4);
    assert.equal(s.totals.identMatches, 3);
    assert.equal(s.totals.detainers, 2, 'the held and the declined person');
    assert.equal(s.totals.detainersNoConviction, 1, 'the declined person had no conviction');
    assert.equal(s.totals.honoured, 1);
    assert.equal(s.totals.declined, 1);
    assert.equal(s.totals.citizensInFlow, 1, 'the naturalised citizen');
    assert.equal(s.totals.detainersOnCitizens, 0);
    assert.equal(s.totals.citizenshipClaims, 0);
    assert.deepEqual(
      s.noConvictionCases.map((c) => c.bookingId),
      [world.bookingIds.declined],
    );
    const outcomes = Object.fromEntries(s.byOutcome.map((r) => [r.key, r.bookings]));
    assert.equal(outcomes.no_ident_match, 1);
    assert.equal(outcomes.no_action, 1);
    const conviction = Object.fromEntries(s.byConviction.map((r) => [r.key, r.detainers]));
    assert.deepEqual(conviction, { 'no conviction': 1, convicted: 1, 'not decided': 0 });
    assert.equal(s.byJurisdiction.length, 3);
    assert.equal(s.trend.reduce((n, m) => n + m.bookings, 0), 4);
    assert.deepEqual(s.holdsPastExpiry, [], 'nobody is ever held past the end of the hold');
  });

  test("a county board sees only its county's figures", async () => {
    const s = await stats('board');
    assert.equal(s.totals.bookings, 2);
    assert.deepEqual(s.byJurisdiction.map((r) => r.key), ['Hartford County Jail']);
    assert.equal(s.totals.detainersNoConviction, 0);
  });

  test('holds near expiry appear as the clock runs; past expiry stays empty', async () => {
    const held = await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`, await user('inspector'));
    const expires = Date.parse(held.json().holdExpiresAt);
    const saved = t.clock.now();
    t.clock.set(expires - 3_600_000);
    try {
      const s = await stats('inspector');
      assert.deepEqual(s.holdsNearExpiry.map((h) => h.bookingId), [world.bookingIds.held]);
      assert.match(s.holdsNearExpiry[0]!.holdExpiresAt, /-0[45]:00$/);
      assert.deepEqual(s.holdsPastExpiry, []);
    } finally {
      t.clock.set(saved);
    }
  });

  test('period filter, bad period, CSV export', async () => {
    assert.equal((await stats('inspector', '?from=2030-01-01')).totals.bookings, 0);
    const bad = await call(t.app, 'GET', '/api/stats?from=2012-05-01&to=2012-01-01', await user('inspector'));
    assert.equal(bad.statusCode, 422);
    assert.equal(problem(bad).code, 'SECCOM_INVALID_ARGUMENT');
    const notDate = await call(t.app, 'GET', '/api/stats?from=yesterday', await user('inspector'));
    assert.equal(problem(notDate).code, 'SECCOM_REQUEST_INVALID');
    const csv = await call(t.app, 'GET', '/api/stats.csv', await user('inspector'));
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines[0], 'dimension,key,bookings,detainers,detainers_no_conviction,ident_matches');
    assert.ok(lines.includes('conviction,no conviction,2,1,,'), csv.body);
    assert.ok(lines.some((l) => l.startsWith('month,2012-03,4,2,1,3')), csv.body);
  });

  test('audit viewer: inspector only, filters, keyset pages', async () => {
    for (const name of ['board', 'hartford', 'admin'] as const) {
      assert.equal((await call(t.app, 'GET', '/api/audit', await user(name))).statusCode, 403, name);
    }
    await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`, await user('hartford'));
    const reads = await call(t.app, 'GET', `/api/audit?actor=user:hartford&action=read`, await user('inspector'));
    assert.equal(reads.statusCode, 200, reads.body);
    const items = reads.json().items as { actor: string; action: string; entityId: string; at: string }[];
    assert.ok(items.length >= 1);
    assert.ok(items.every((e) => e.actor === 'user:hartford' && e.action === 'read'));
    assert.equal(items[0]!.entityId, world.bookingIds.held);
    assert.match(items[0]!.at, /-0[45]:00$/, "in the inspector's time zone");
    const page1 = (await call(t.app, 'GET', '/api/audit?limit=5', await user('inspector'))).json();
    const page2 = (await call(t.app, 'GET', `/api/audit?limit=5&cursor=${page1.nextCursor}`, await user('inspector'))).json();
    assert.equal(page2.items[0].seq, page1.items[4].seq - 1, 'the next page continues below the last seq');
    const detainer = (await call(t.app, 'GET', `/api/audit?entity=bookings&entityId=${world.bookingIds.declined}`, await user('inspector'))).json();
    assert.ok(detainer.items.some((e: { action: string }) => e.action === 'insert'));
  });

  test("audit search: a person's name, booking number, TCN, SID or FIN names their records' entries, within the reader's jurisdiction", async () => {
    const inspector = await user('inspector');
    await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`, await user('hartford'));
    const held = (await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`, inspector)).json();
    const detainerId = held.detainer.id as string;
    type Entry = { seq: number; actor: string; action: string; entity: string; entityId: string };
    const search = async (q: string, extra = '', caller = inspector) => {
      const res = await call(t.app, 'GET', `/api/audit?q=${encodeURIComponent(q)}${extra}`, caller);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Entry[]; nextCursor: string | null; search: { bookings: number; more: boolean } | null };
    };
    const byName = await search('morales');
    assert.deepEqual(byName.search, { bookings: 1, more: false });
    const entities = new Set(byName.items.map((e) => e.entity));
    for (const e of ['bookings', 'sib_results', 'ident_results', 'ice_decisions', 'detainers', 'detainer_events', 'jail_responses', 'arrest_charges', 'state_subjects']) {
      assert.ok(entities.has(e), `${e} in ${[...entities].join(',')}`);
    }
    const others = [world.bookingIds.citizen, world.bookingIds.declined, world.bookingIds.unknown, people.citizen.ident.fin, people.declined.ident.fin];
    assert.ok(!byName.items.some((e) => others.some((o) => e.entityId.includes(o))), "nobody else's records");
    assert.ok(byName.items.some((e) => e.entity === 'detainers' && e.entityId === detainerId));
    assert.ok(byName.items.some((e) => e.action === 'read' && e.actor === 'user:hartford' && e.entityId === world.bookingIds.held), 'who read the record');
    const seqs = byName.items.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');
    // Every identifier names the same entries.
    for (const q of [held.bookingNumber, held.tcn, held.sib.sid, people.held.ident.fin, 'MORALES, DI']) {
      assert.deepEqual((await search(q)).items.map((e) => e.seq), seqs, q);
    }
    // Filters combine with the search, and pages continue by keyset.
    const reads = await search('morales', '&action=read&actor=user:hartford');
    assert.ok(reads.items.length >= 1 && reads.items.every((e) => e.action === 'read' && e.actor === 'user:hartford'));
    const first = await search('morales', '&limit=3');
    assert.equal(first.items.length, 3);
    const second = await search('morales', `&limit=3&cursor=${first.nextCursor}`);
    assert.deepEqual([...first.items, ...second.items].map((e) => e.seq), seqs.slice(0, 6));
    // A term that names nothing finds nothing (not everything).
    const none = await search('NOSUCHNAME');
    assert.deepEqual(none, { items: [], nextCursor: null, search: { bookings: 0, more: false } });
    // The search resolves names within the reader's jurisdiction (inspectors are national today;
    // the service applies the same visibility as the bookings list to any reader).
    const local = { userId: 'x', username: 'local', displayName: 'Local', role: 'inspector', ori: 'DCOIG0000', scope: { kind: 'county', jurisdictionId: counties.hartford.id }, timeZone: 'America/New_York', via: 'token' } as const;
    assert.deepEqual((await t.ctx.audit.list(local, { q: 'reyes', limit: 50 })).search, { bookings: 0, more: false }, "Cook County's booking is not named");
    assert.equal((await search('reyes')).search?.bookings, 1);
    assert.deepEqual((await t.ctx.audit.list(local, { q: 'morales', limit: 3 })).items.map((e) => e.seq), seqs.slice(0, 3));
  });

  test('administration of jurisdictions: activation history appended, rule set, dated policy versions', async () => {
    assert.equal((await call(t.app, 'GET', '/api/admin/jurisdictions', await user('inspector'))).statusCode, 403);
    const admin = await user('admin');
    const list = (await call(t.app, 'GET', '/api/admin/jurisdictions', admin)).json();
    assert.deepEqual(list.items.map((j: { id: string }) => j.id).sort(), ['us-ct-hartford', 'us-ct-new-haven', 'us-il-cook']);
    assert.equal(list.items.find((j: { id: string }) => j.id === 'us-il-cook').timeZone, 'America/Chicago');
    // Keyset pages by state and name; search by part of the name, id, ORI or state.
    const ids = async (url: string) => (await call(t.app, 'GET', url, admin)).json().items.map((j: { id: string }) => j.id);
    const first = (await call(t.app, 'GET', '/api/admin/jurisdictions?limit=2', admin)).json();
    assert.deepEqual(first.items.map((j: { id: string }) => j.id), ['us-ct-hartford', 'us-ct-new-haven']);
    assert.deepEqual(await ids(`/api/admin/jurisdictions?limit=2&cursor=${first.nextCursor}`), ['us-il-cook']);
    assert.deepEqual(await ids('/api/admin/jurisdictions?q=haven'), ['us-ct-new-haven']);
    assert.deepEqual(await ids('/api/admin/jurisdictions?q=il'), ['us-il-cook'], 'a word start, not any "Jail"');
    assert.deepEqual(await ids(`/api/admin/jurisdictions?q=${counties.cook.ori}`), ['us-il-cook']);
    assert.deepEqual(await ids('/api/admin/jurisdictions?q=ct'), ['us-ct-hartford', 'us-ct-new-haven'], 'a state code');
    assert.deepEqual(await ids('/api/admin/jurisdictions?q=nowhere_'), []);
    assert.equal(problem(await call(t.app, 'GET', '/api/admin/jurisdictions?cursor=bogus', admin)).code, 'SECCOM_BAD_CURSOR');
    const d = (await call(t.app, 'GET', '/api/admin/jurisdictions/us-ct-hartford', admin)).json();
    assert.ok(d.policyVersions.some((v: { jurisdiction: string; decision: string }) => v.jurisdiction === 'federal' && v.decision === 'action'));
    const ct = d.policyVersions.filter((v: { jurisdiction: string; decision: string }) => v.jurisdiction === 'us-ct' && v.decision === 'jail-response');
    assert.ok(ct.length >= 2, 'the TRUST Act versions');
    assert.ok(ct.every((v: { inForce: boolean; from: string }) => v.inForce === false || v.from <= '2012-03-05'));
    assert.equal(problem(await call(t.app, 'GET', '/api/admin/jurisdictions/nowhere', admin)).code, 'SECCOM_NOT_FOUND');

    // Participation is the policy engine's answer: Illinois asked not to share in May 2011, without effect once participation became mandatory.
    const cook = list.items.find((j: { id: string }) => j.id === 'us-il-cook').participation;
    assert.deepEqual([cook.at, cook.sharing, cook.notShareRequested, cook.optOutPolicy], ['2012-03-05', true, true, 'mandatory']);
    assert.deepEqual(cook.reasons.map((r: { event: string; file: string }) => [r.event, r.file]), [
      ['activated', 'store: jurisdiction_activations'],
      ['requested-not-share', 'policies/us-il.policy'],
      ['opt-out-policy', 'policies/federal.policy'],
    ]);
    const change = { effectiveFrom: '2030-01-01T00:00:00Z', activated: true, optOutRequested: true, note: 'county asks not to share' };
    const added = await call(t.app, 'POST', '/api/admin/jurisdictions/us-ct-hartford/activations', admin, change);
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().activations.length, d.activations.length + 1);
    assert.equal(added.json().activations.at(-1).sharing, true, 'a request not to share in 2030 has no effect under the mandatory policy');
    const early = await call(t.app, 'POST', '/api/admin/jurisdictions/us-ct-hartford/activations', admin, { ...change, effectiveFrom: '2010-06-01T00:00:00Z', note: 'asks not to share while the MOA could be ended' });
    assert.equal(early.statusCode, 201, early.body);
    assert.equal(early.json().activations.find((a: { effectiveFrom: string }) => a.effectiveFrom.startsWith('2010')).sharing, false, 'while the MOA could be ended, the request had effect');
    assert.deepEqual([early.json().participation.sharing, early.json().participation.notShareRequested], [true, true], 'today it has none');
    assert.equal(problem(await call(t.app, 'POST', '/api/admin/jurisdictions/us-ct-hartford/activations', admin, change)).code, 'SECCOM_CONFLICT');
    assert.equal(problem(await call(t.app, 'PATCH', '/api/admin/jurisdictions/us-ct-hartford', admin, { rulesetId: 'nowhere' })).code, 'SECCOM_INVALID_ARGUMENT');
    const moved = await call(t.app, 'PATCH', '/api/admin/jurisdictions/us-ct-hartford', admin, { rulesetId: 'federal' });
    assert.equal(moved.json().rulesetId, 'federal');
    await call(t.app, 'PATCH', '/api/admin/jurisdictions/us-ct-hartford', admin, { rulesetId: 'us-ct' });
    const trail = (await call(t.app, 'GET', '/api/audit?entity=jurisdictions&entityId=us-ct-hartford&action=update', await user('inspector'))).json();
    assert.deepEqual(trail.items.map((e: { actor: string }) => e.actor), ['user:admin', 'user:admin']);
  });

  test('the dashboard lists are keyset pages of their own; every page audits the reads of the people it names', async () => {
    // More people with no conviction (Cook declines) and more holds (Hartford honours).
    const now = t.clock.now();
    const added = await world.pipeline.submit([
      submission(people.declined, counties.cook, now, 6),
      submission(people.fugitive, counties.cook, now, 6),
      // Released (and held) soon, so that both Hartford holds end within the same 6 hours.
      submission(people.queued, counties.hartford, now, 2),
    ]);
    await runPipeline(world.pipeline, t.clock, new Date(now.getTime() + 3 * 3_600_000));
    const inspector = await user('inspector');
    const get = async <T,>(url: string, caller = inspector) => {
      const res = await call(t.app, 'GET', url, caller);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: T[]; nextCursor: string | null };
    };
    const all = async <T extends { bookingId: string },>(url: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: T[]; nextCursor: string | null } = await get<T>(`${url}${url.includes('?') ? '&' : '?'}limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 1);
        ids.push(...page.items.map((r) => r.bookingId));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };

    const s = await stats('inspector');
    assert.ok(s.noConvictionCases.length >= 2, `${s.noConvictionCases.length} no-conviction cases`);
    assert.equal(s.noConvictionCases.length, s.totals.detainersNoConviction);
    assert.equal(s.more.noConvictionCases, null, 'all fit on the dashboard');
    assert.deepEqual(await all('/api/stats/no-conviction'), s.noConvictionCases.map((c) => c.bookingId), 'pages of one, in the same order');
    assert.deepEqual((await get('/api/stats/no-conviction?from=2030-01-01')).items, [], 'the period applies');

    // Near the end of both holds: the near list pages in expiry order; the past list stays empty.
    const ends = [];
    for (const id of [world.bookingIds.held, added[2]!.bookingId]) {
      ends.push(Date.parse((await call(t.app, 'GET', `/api/bookings/${id}`, inspector)).json().holdExpiresAt));
    }
    assert.ok(Math.max(...ends) - Math.min(...ends) < 5 * 3_600_000, 'both holds end within 5 hours of each other');
    const saved = t.clock.now();
    t.clock.set(Math.min(...ends) - 3_600_000);
    try {
      const near = await stats('inspector');
      assert.ok(near.holdsNearExpiry.length >= 2, `${near.holdsNearExpiry.length} holds near expiry`);
      assert.equal(near.holdCounts.near, near.holdsNearExpiry.length);
      assert.equal(near.holdCounts.past, 0);
      assert.deepEqual(await all('/api/stats/holds?expiry=near'), near.holdsNearExpiry.map((h) => h.bookingId));
      assert.deepEqual(await all('/api/stats/holds?expiry=past'), []);
      const listed = near.holdsNearExpiry.map((h) => Date.parse(h.holdExpiresAt));
      assert.deepEqual(listed, [...listed].sort((a, b) => a - b), 'soonest first');
    } finally {
      t.clock.set(saved);
    }
    assert.deepEqual((await get('/api/stats/escalations')).items, []);
    const bad = await call(t.app, 'GET', '/api/stats/holds?expiry=near&cursor=WyJ4IiwieSJd', inspector);
    assert.equal(problem(bad).code, 'SECCOM_BAD_CURSOR', 'a cursor whose time is not a time');
    assert.equal(problem(await call(t.app, 'GET', '/api/stats/holds?expiry=soon', inspector)).code, 'SECCOM_REQUEST_INVALID');

    // Reading the dashboard is reading the records of the people it names: one entry per person shown.
    const [{ seq: mark } = { seq: 0 }] = await t.store.db.select({ seq: sql<number>`coalesce(max(${auditLog.seq}), 0)::int` }).from(auditLog);
    const board = await stats('board');
    const readBy = async (actor: string) =>
      (await t.store.db.select().from(auditLog).where(and(gt(auditLog.seq, mark), eq(auditLog.actor, actor), eq(auditLog.action, 'read'))).orderBy(auditLog.seq)).map((e) => ({
        entity: e.entity,
        entityId: e.entityId,
        purpose: (e.data as { purpose: string }).purpose,
      }));
    const shown = (v: StatsView) => [...new Set([...v.noConvictionCases, ...v.escalations, ...v.holdsNearExpiry, ...v.holdsPastExpiry].map((r) => r.bookingId))].sort();
    assert.deepEqual(
      (await readBy('user:board')).map((e) => e.entityId).sort(),
      shown(board),
      "the board's dashboard audits exactly the people it showed",
    );
    const again = await stats('inspector');
    const inspectorReads = await readBy('user:inspector');
    assert.ok(shown(again).length >= 2);
    assert.deepEqual(inspectorReads.map((e) => e.entityId).sort(), shown(again));
    assert.ok(inspectorReads.every((e) => e.entity === 'bookings' && e.purpose === 'oversight-dashboard'));
    // The figures alone (the console's live refresh) name nobody, so they audit nothing.
    const figures = await stats('inspector', '?lists=none');
    assert.deepEqual([figures.totals, figures.holdCounts, figures.byLevel, figures.trend], [again.totals, again.holdCounts, again.byLevel, again.trend]);
    assert.deepEqual([figures.noConvictionCases, figures.escalations, figures.holdsNearExpiry, figures.holdsPastExpiry], [[], [], [], []]);
    assert.deepEqual(Object.values(figures.more), [null, null, null, null]);
    assert.equal((await readBy('user:inspector')).length, inspectorReads.length, 'no read audited for figures alone');
    assert.equal(problem(await call(t.app, 'GET', '/api/stats?lists=all', inspector)).code, 'SECCOM_REQUEST_INVALID');
    const page = await get<{ bookingId: string }>('/api/stats/no-conviction?limit=1');
    const after = await readBy('user:inspector');
    assert.deepEqual(after.slice(inspectorReads.length).map((e) => e.entityId), page.items.map((r) => r.bookingId), 'a page audits its people');
    // And the audit search finds those reads under the person's name.
    const reyes = (await call(t.app, 'GET', '/api/audit?q=REYES&action=read&actor=user:inspector', inspector)).json();
    assert.ok(reyes.items.some((e: { data: { purpose: string } }) => e.data.purpose === 'oversight-dashboard'));
  });

  test('chain badge: intact, then broken naming the altered entry (last: it tampers)', async () => {
    const ok = await call(t.app, 'GET', '/api/audit/verify', await user('inspector'));
    assert.equal(ok.json().status, 'intact');
    assert.ok(ok.json().entries > 10);
    await asSuperuser(t.store, async (tx) => {
      await tx.execute(sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`);
    });
    await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`, await user('hartford')); // moves the head: no cached answer
    const broken = (await call(t.app, 'GET', '/api/audit/verify', await user('inspector'))).json();
    assert.equal(broken.status, 'broken');
    assert.equal(broken.problem.code, 'SECCOM_AUDIT_CHAIN_BROKEN');
    assert.equal(broken.problem.seq, 3);
  });
});
