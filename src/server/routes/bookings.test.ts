import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../store/schema/index.ts';
import { call, openTestApi, problem, signIn, type Caller, type TestApi } from '../../../test/support/api.ts';
import { counties, people, seedConsoleWorld, submission, worldPassword, type ConsoleWorld, type WorldUser } from '../../../test/support/console-world.ts';
import type { BookingDetail, BookingSummary } from '../contract/bookings.ts';

describe('API: bookings', () => {
  let t: TestApi;
  let world: ConsoleWorld;
  const as: Partial<Record<WorldUser, Caller>> = {};
  const user = async (name: WorldUser) => (as[name] ??= await signIn(t.app, name, worldPassword));
  const list = async (name: WorldUser, query = '') => {
    const res = await call(t.app, 'GET', `/api/bookings${query}`, await user(name));
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: BookingSummary[]; nextCursor: string | null };
  };

  before(async () => {
    t = await openTestApi();
    world = await seedConsoleWorld(t.ctx, t.clock);
  });
  after(() => t.close());

  test('anonymous: 401; admin (no booking permission): 403', async () => {
    assert.equal(problem(await call(t.app, 'GET', '/api/bookings')).code, 'SECCOM_UNAUTHENTICATED');
    assert.equal(problem(await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`)).code, 'SECCOM_UNAUTHENTICATED');
    const res = await call(t.app, 'GET', '/api/bookings', await user('admin'));
    assert.equal(res.statusCode, 403);
    assert.equal(problem(res).code, 'SECCOM_FORBIDDEN');
  });

  test('each jail sees only its county; the state bureau its state; the inspector everything', async () => {
    const hartford = await list('hartford');
    assert.deepEqual(new Set(hartford.items.map((b) => b.jurisdictionId)), new Set(['us-ct-hartford']));
    assert.equal(hartford.items.length, 2);
    assert.deepEqual((await list('newhaven')).items.map((b) => b.id), [world.bookingIds.unknown]);
    assert.deepEqual((await list('cook')).items.map((b) => b.id), [world.bookingIds.declined]);
    assert.equal((await list('sib')).items.length, 3, 'CT bureau: the three Connecticut bookings');
    assert.equal((await list('inspector')).items.length, 4);
  });

  test('LESC and ERO see only bookings that reached their step', async () => {
    const lesc = (await list('analyst')).items.map((b) => b.id).sort();
    assert.deepEqual(lesc, [world.bookingIds.held, world.bookingIds.declined, world.bookingIds.citizen].sort());
    const ero = (await list('ero')).items.map((b) => b.id);
    assert.ok(!ero.includes(world.bookingIds.unknown));
  });

  test("another county's booking answers 404 exactly like a missing one", async () => {
    const other = await call(t.app, 'GET', `/api/bookings/${world.bookingIds.unknown}`, await user('hartford'));
    const missing = await call(t.app, 'GET', '/api/bookings/B-NOSUCH', await user('hartford'));
    assert.equal(other.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(problem(other).code, 'SECCOM_NOT_FOUND');
    assert.deepEqual(
      { ...problem(other), detail: '', instance: '', location: undefined },
      { ...problem(missing), detail: '', instance: '', location: undefined },
      'same shape and code',
    );
    assert.equal(problem(other).detail.replace(world.bookingIds.unknown, 'X'), problem(missing).detail.replace('B-NOSUCH', 'X'));
    const outOfStep = await call(t.app, 'GET', `/api/bookings/${world.bookingIds.unknown}`, await user('analyst'));
    assert.equal(outOfStep.statusCode, 404, 'LESC cannot open a booking that never reached LESC');
  });

  test('the detail has the timeline, responses, detainer with its clock, in the county time zone', async () => {
    const res = await call(t.app, 'GET', `/api/bookings/${world.bookingIds.held}`, await user('hartford'));
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json() as BookingDetail;
    assert.equal(d.timeZone, 'America/New_York');
    assert.match(d.submittedAt, /-0[45]:00$/);
    assert.equal(d.detainer?.state, 'honoured');
    assert.ok(d.holdExpiresAt && Date.parse(d.holdExpiresAt) > Date.parse(d.serverNow));
    assert.deepEqual(
      d.timeline.map((e) => [e.step, e.state]),
      [
        ['booking', 'done'],
        ['sib', 'done'],
        ['cjis', 'done'],
        ['ident', 'done'],
        ['lesc', 'done'],
        ['ero', 'done'],
        ['detainer', 'done'],
        ['jail', 'done'],
        ['outcome', 'current'],
      ],
    );
    assert.equal(d.ident?.outcome, 'match');
    assert.ok(d.iaq?.text.startsWith('IAQ.'));
    assert.equal(d.jail?.decision, 'honour');
    assert.ok(d.detainer!.events.length >= 3);

    const closed = (await call(t.app, 'GET', `/api/bookings/${world.bookingIds.unknown}`, await user('newhaven'))).json() as BookingDetail;
    assert.equal(closed.outcome, 'no_ident_match');
    assert.equal(closed.timeZone, 'America/New_York');
    const cook = (await call(t.app, 'GET', `/api/bookings/${world.bookingIds.declined}`, await user('cook'))).json() as BookingDetail;
    assert.equal(cook.timeZone, 'America/Chicago');
    assert.equal(cook.jail?.decision, 'decline');
    assert.ok(closed.timeline.some((e) => e.step === 'lesc' && e.state === 'skipped'));
  });

  test('every open of a booking is audited with the user and purpose', async () => {
    const before = await t.store.db.select().from(auditLog).where(and(eq(auditLog.action, 'read'), eq(auditLog.entityId, world.bookingIds.citizen)));
    await call(t.app, 'GET', `/api/bookings/${world.bookingIds.citizen}`, await user('inspector'));
    await call(t.app, 'GET', `/api/bookings/${world.bookingIds.citizen}`, await user('cook')); // not visible: no read happened
    const afterRows = await t.store.db.select().from(auditLog).where(and(eq(auditLog.action, 'read'), eq(auditLog.entityId, world.bookingIds.citizen)));
    assert.equal(afterRows.length, before.length + 1);
    const last = afterRows.at(-1)!;
    assert.equal(last.actor, 'user:inspector');
    assert.deepEqual(last.data, { purpose: 'booking-detail' });
  });

  test('search by name, booking number, TCN, SID and FIN; keyset pages; bad cursor is 422', async () => {
    const all = (await list('inspector')).items;
    const held = all.find((b) => b.id === world.bookingIds.held)!;
    for (const q of ['morales', 'MORALES, DI', held.bookingNumber, held.tcn, held.sid!, held.fin!]) {
      const found = (await list('inspector', `?q=${encodeURIComponent(q)}`)).items.map((b) => b.id);
      assert.deepEqual(found, [held.id], `search "${q}"`);
    }
    assert.deepEqual((await list('hartford', '?q=REYES')).items, [], 'search stays inside the scope');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: BookingSummary[]; nextCursor: string | null } = await list('inspector', `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 1);
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all.map((b) => b.id), 'pages walk the same order without gaps or repeats');
    const bad = await call(t.app, 'GET', '/api/bookings?cursor=WyJ4Il0', await user('inspector'));
    assert.equal(bad.statusCode, 422);
    assert.equal(problem(bad).code, 'SECCOM_BAD_CURSOR');
    const tooMany = await call(t.app, 'GET', '/api/bookings?limit=5000', await user('inspector'));
    assert.equal(problem(tooMany).code, 'SECCOM_REQUEST_INVALID');
  });

  test('submission: JSON for your own agency only; duplicate TCN 409; bad body 422; a file that is not ANSI/NIST is a located error', async () => {
    const b = submission(people.unknown, counties.newHaven, t.clock.now(), 6);
    const body = { ...b, tcn: 'T-API-1', arrestedAt: b.arrestedAt.toISOString(), releaseDueAt: b.releaseDueAt.toISOString() };
    const foreign = await call(t.app, 'POST', '/api/bookings', await user('hartford'), body);
    assert.equal(foreign.statusCode, 403);
    assert.equal(problem(foreign).code, 'SECCOM_FORBIDDEN');
    assert.equal(problem(await call(t.app, 'POST', '/api/bookings', await user('analyst'), body)).code, 'SECCOM_FORBIDDEN');
    const ok = await call(t.app, 'POST', '/api/bookings', await user('newhaven'), body);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().bookingId, 'B-T-API-1');
    assert.equal(ok.headers.location, '/api/bookings/B-T-API-1');
    const d = (await call(t.app, 'GET', '/api/bookings/B-T-API-1', await user('newhaven'))).json() as BookingDetail;
    assert.equal(d.outcome, 'no_ident_match', 'the pipeline carried it on at once');
    const audit = await t.store.db.select().from(auditLog).where(and(eq(auditLog.entity, 'bookings'), eq(auditLog.entityId, 'B-T-API-1'), eq(auditLog.action, 'insert')));
    assert.equal(audit[0]?.actor, 'user:newhaven');
    assert.equal(problem(await call(t.app, 'POST', '/api/bookings', await user('newhaven'), body)).code, 'SECCOM_DUPLICATE_SUBMISSION');
    const bad = await call(t.app, 'POST', '/api/bookings', await user('newhaven'), { ...body, tcn: 'T-API-2', dob: '31/12/1980', prints: [] });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual((problem(bad).details as { field: string }[]).map((x) => x.field).sort(), ['body.dob', 'body.prints']);
    const nh = await user('newhaven');
    const file = (contentType: string, payload: Buffer) =>
      t.app.inject({ method: 'POST', url: '/api/bookings/file', headers: { cookie: nh.cookie!, 'x-csrf-token': nh.csrf!, 'content-type': contentType }, payload });
    const junk = await file('application/octet-stream', Buffer.from('not an ANSI/NIST file'));
    assert.equal(junk.statusCode, 422, junk.body);
    assert.match(problem(junk).code, /^SECCOM_ANSI_NIST_/);
    const text = await file('text/plain', Buffer.from('x'));
    assert.equal(problem(text).code, 'SECCOM_UNSUPPORTED_MEDIA');
  });
});
