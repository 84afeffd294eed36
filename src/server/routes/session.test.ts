import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { insertAudited } from '../../store/audited.ts';
import { jurisdictions } from '../../store/schema/index.ts';
import { verifyAudit } from '../../store/audit.ts';
import { registerAuth } from '../auth/plugin.ts';
import { call, openTestApi, problem, signIn, type TestApi } from '../../../test/support/api.ts';

describe('API: session, tokens and user administration', () => {
  let t: TestApi;
  const pw = 'correct horse battery';

  before(async () => {
    t = await openTestApi();
    await t.store.transaction((tx) =>
      insertAudited(tx, jurisdictions, [{ id: 'us-ct-hartford', name: 'Hartford County', state: 'CT', ori: 'CT0020000', rulesetId: 'us-ct' }], {
        actor: 'test',
        at: t.clock.now(),
      }),
    );
    await t.ctx.users.create({ username: 'admin', displayName: 'Ada Admin', role: 'admin', ori: 'VTICE0900', scope: 'national', password: pw }, 'test');
    await t.ctx.users.create(
      { username: 'jail', displayName: 'Jo Jailer', role: 'jail_officer', ori: 'CT0020000', scope: 'county:us-ct-hartford', password: pw },
      'test',
    );
  });
  after(() => t.close());

  test('anonymous calls answer 401 problems', async () => {
    for (const [method, url] of [
      ['GET', '/api/session'],
      ['GET', '/api/tokens'],
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/users'],
    ] as const) {
      const res = await call(t.app, method, url);
      assert.equal(res.statusCode, 401, `${method} ${url}`);
      assert.equal(problem(res).code, 'SECCOM_UNAUTHENTICATED');
    }
  });

  test('wrong password and unknown user fail the same way', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'jail', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ghost', password: 'nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(problem(wrong).code, 'SECCOM_LOGIN_FAILED');
    assert.equal(problem(unknown).detail, problem(wrong).detail);
  });

  test('sign-in sets an HttpOnly SameSite=Strict cookie and returns user, permissions and CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'jail', password: pw } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'seccom_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const body = res.json();
    assert.equal(body.user.role, 'jail_officer');
    assert.equal(body.user.scopeLabel, 'Hartford County');
    assert.equal(body.user.timeZone, 'America/New_York');
    assert.ok(body.permissions.includes('booking.read'));
    assert.ok(!body.permissions.includes('audit.read'));
    assert.equal(typeof body.csrfToken, 'string');
    assert.ok(!JSON.stringify(body).includes('argon2'), 'no password hash in the answer');
  });

  test('state changes over the cookie need the CSRF token; API tokens do not', async () => {
    const jail = await signIn(t.app, 'jail', pw);
    const noCsrf = await call(t.app, 'POST', '/api/tokens', { cookie: jail.cookie }, { name: 'livescan' });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(problem(noCsrf).code, 'SECCOM_CSRF');
    const wrongCsrf = await call(t.app, 'POST', '/api/tokens', { cookie: jail.cookie, csrf: 'x'.repeat(43) }, { name: 'livescan' });
    assert.equal(problem(wrongCsrf).code, 'SECCOM_CSRF');

    const created = await call(t.app, 'POST', '/api/tokens', jail, { name: 'livescan' });
    assert.equal(created.statusCode, 201);
    const { id, token } = created.json();
    assert.match(token, /^seccom_/);

    const asToken = { token };
    const me = await call(t.app, 'GET', '/api/session', asToken);
    assert.equal(me.json().user.username, 'jail');
    const another = await call(t.app, 'POST', '/api/tokens', asToken, { name: 'second' });
    assert.equal(another.statusCode, 201, 'a token needs no CSRF header');
    const list = await call(t.app, 'GET', '/api/tokens', jail);
    assert.deepEqual(list.json().items.map((x: { name: string }) => x.name).sort(), ['livescan', 'second']);
    assert.ok(!list.body.includes(token), 'the token is shown only once');
    const page1 = (await call(t.app, 'GET', '/api/tokens?limit=1', jail)).json();
    const page2 = (await call(t.app, 'GET', `/api/tokens?limit=1&cursor=${page1.nextCursor}`, jail)).json();
    assert.deepEqual([...page1.items, ...page2.items].map((x: { name: string }) => x.name).sort(), ['livescan', 'second'], 'a page at a time');
    assert.equal(page2.nextCursor, null);
    assert.deepEqual((await call(t.app, 'GET', '/api/tokens?q=SEC', jail)).json().items.map((x: { name: string }) => x.name), ['second']);

    assert.equal((await call(t.app, 'DELETE', `/api/tokens/${id}`, jail)).statusCode, 204);
    const revoked = await call(t.app, 'GET', '/api/tokens', asToken);
    assert.equal(revoked.statusCode, 401);
    assert.equal((await call(t.app, 'DELETE', `/api/tokens/${id}`, jail)).statusCode, 404);
    const malformed = await call(t.app, 'GET', '/api/tokens', { token: 'a b' });
    assert.equal(problem(malformed).code, 'SECCOM_UNAUTHENTICATED');
  });

  test('sign-out ends the session', async () => {
    const jail = await signIn(t.app, 'jail', pw);
    assert.equal((await call(t.app, 'DELETE', '/api/session', jail)).statusCode, 204);
    assert.equal((await call(t.app, 'GET', '/api/session', jail)).statusCode, 401);
  });

  test('user administration: 403 for other roles, 201/409/422 for the admin, disabled users cannot sign in', async () => {
    const jail = await signIn(t.app, 'jail', pw);
    const forbidden = await call(t.app, 'GET', '/api/admin/users', jail);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(problem(forbidden).code, 'SECCOM_FORBIDDEN');

    const admin = await signIn(t.app, 'admin', pw);
    const body = { username: 'analyst1', displayName: 'Ann Analyst', role: 'lesc_analyst', ori: 'VTICE0900', scope: 'national' };
    const created = await call(t.app, 'POST', '/api/admin/users', admin, body);
    assert.equal(created.statusCode, 201, created.body);
    const { user, password } = created.json();
    assert.ok(password.length >= 12);
    await signIn(t.app, 'analyst1', password);

    assert.equal(problem(await call(t.app, 'POST', '/api/admin/users', admin, body)).code, 'SECCOM_USER_EXISTS');
    const badRole = await call(t.app, 'POST', '/api/admin/users', admin, { ...body, username: 'x1', role: 'king' });
    assert.equal(badRole.statusCode, 422);
    assert.equal(problem(badRole).code, 'SECCOM_REQUEST_INVALID');
    assert.ok((problem(badRole).details as { field: string }[]).some((d) => d.field === 'body.role'));
    const badScope = await call(t.app, 'POST', '/api/admin/users', admin, { ...body, username: 'x2', role: 'jail_officer' });
    assert.equal(problem(badScope).code, 'SECCOM_INVALID_ARGUMENT');
    const noCounty = await call(t.app, 'POST', '/api/admin/users', admin, { ...body, username: 'x3', role: 'jail_officer', scope: 'county:nowhere' });
    assert.equal(problem(noCounty).code, 'SECCOM_INVALID_ARGUMENT');

    const listed = await call(t.app, 'GET', '/api/admin/users?limit=1', admin);
    assert.equal(listed.json().items.length, 1);
    assert.ok(listed.json().nextCursor);
    const page2 = await call(t.app, 'GET', `/api/admin/users?limit=1&cursor=${listed.json().nextCursor}`, admin);
    assert.notEqual(page2.json().items[0].username, listed.json().items[0].username);
    const search = await call(t.app, 'GET', '/api/admin/users?q=ann', admin);
    assert.deepEqual(search.json().items.map((u: { username: string }) => u.username), ['analyst1']);
    const badCursor = await call(t.app, 'GET', '/api/admin/users?cursor=garbage', admin);
    assert.equal(problem(badCursor).code, 'SECCOM_BAD_CURSOR');

    const disabled = await call(t.app, 'PATCH', `/api/admin/users/${user.id}`, admin, { disabled: true });
    assert.equal(disabled.json().disabled, true);
    const refused = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'analyst1', password } });
    assert.equal(problem(refused).code, 'SECCOM_LOGIN_FAILED');
    assert.equal(problem(await call(t.app, 'PATCH', '/api/admin/users/nobody', admin, { disabled: true })).code, 'SECCOM_NOT_FOUND');
  });

  test('repeated failed sign-ins are throttled with Retry-After', async () => {
    let last;
    for (let i = 0; i < 6; i++) last = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'victim', password: 'guess' } });
    assert.equal(last!.statusCode, 429);
    assert.equal(problem(last!).code, 'SECCOM_LOGIN_THROTTLED');
    assert.ok(Number(last!.headers['retry-after']) > 0);
  });

  test('malformed JSON and unknown routes are problems too', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{' });
    assert.equal(bad.statusCode, 422);
    assert.equal(problem(bad).code, 'SECCOM_REQUEST_INVALID');
    const missing = await call(t.app, 'GET', '/api/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.equal(problem(missing).code, 'SECCOM_ROUTE_NOT_FOUND');
  });

  test('account changes and sign-ins are in the audit chain without secrets', async () => {
    const rows = await t.store.db.query.auditLog.findMany({ where: (a, { inArray }) => inArray(a.entity, ['users', 'sessions', 'api_tokens']) });
    assert.ok(rows.some((r) => r.entity === 'users' && r.action === 'insert'));
    assert.ok(rows.some((r) => r.entity === 'sessions' && r.actor === 'user:jail'));
    const text = JSON.stringify(rows);
    assert.ok(!text.includes('argon2'), 'no password hash in the audit');
    assert.ok(!text.includes('seccom_'), 'no token in the audit');
    await verifyAudit(t.store.db);
  });

  test('a /api route without an access rule refuses to register (deny by default)', async () => {
    const app = Fastify();
    await registerAuth(app, t.ctx.auth);
    assert.throws(() => app.get('/api/open', async () => 'oops'), /declares no access rule/);
    await app.close();
  });

  test('the OpenAPI document lists every API route with its problems; /docs serves the browsable docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const path of ['/api/session', '/api/bookings', '/api/bookings/{id}', '/api/queues/lesc', '/api/stats', '/api/audit', '/api/admin/users', '/api/detainers/{id}/response']) {
      assert.ok(doc.paths[path], `${path} documented`);
    }
    assert.ok(doc.paths['/api/bookings']!.get!.responses['401'], 'problems are documented');
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(String(docs.headers['content-type']), /text\/html/);
  });
});
