/**
 * Every /api route, taken from the routes the server registers (not from a list kept by hand):
 * it is in the OpenAPI document; anonymous calls get 401; a role without the route's permission
 * gets 403; a record that is missing or outside the caller's jurisdiction is the same 404; and
 * invalid input is a 422 naming the field. All as problem documents with stable codes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { RouteOptions } from 'fastify';
import { detainers } from '../../store/schema/index.ts';
import { call, openTestApi, problem, signIn, type Caller, type TestApi } from '../../../test/support/api.ts';
import { seedConsoleWorld, worldPassword, worldUsers, type ConsoleWorld, type WorldUser } from '../../../test/support/console-world.ts';
import { hasPermission, type Permission } from '../access/permissions.ts';
import type { RouteAccess } from '../auth/plugin.ts';

interface ApiRoute {
  method: string;
  /** Fastify's form: /api/bookings/:id */
  url: string;
  access: RouteAccess;
}

const missingId = 'NOSUCH-0';
const withId = (url: string, id: string) => url.replace(':id', encodeURIComponent(id));
const label = (r: ApiRoute) => `${r.method} ${r.url}`;

/** A valid body for each route that takes one, so a 404 is about the record and not the input. */
const validBodies: Record<string, unknown> = {
  'POST /api/bookings/:id/iar': { status: 'overstay', aNumber: 'A023456789', priorRemovalOrder: false, citizenshipClaim: false, remarks: 'checked' },
  'POST /api/bookings/:id/decision': { action: 'none', reason: 'no action' },
  'POST /api/detainers/:id/response': { response: 'decline', reason: 'not ours' },
  'PATCH /api/admin/users/:id': { displayName: 'Someone Else' },
  'PATCH /api/admin/jurisdictions/:id': { rulesetId: 'us-ct' },
  'POST /api/admin/jurisdictions/:id/activations': { effectiveFrom: '2031-01-01T00:00:00Z', activated: true, optOutRequested: false, note: 'a change' },
};

describe('API: every route', () => {
  const routes: ApiRoute[] = [];
  let t: TestApi;
  let world: ConsoleWorld;
  const as: Partial<Record<WorldUser, Caller>> = {};
  const user = async (name: WorldUser) => (as[name] ??= await signIn(t.app, name, worldPassword));
  /** A world user whose role holds (or lacks) the permission. */
  const someone = (permission: Permission, holds: boolean) =>
    (Object.keys(worldUsers) as WorldUser[]).find((u) => hasPermission(worldUsers[u].role, permission) === holds)!;

  before(async () => {
    const collect = (r: RouteOptions) => {
      const access = (r.config as { access?: RouteAccess } | undefined)?.access;
      if (!r.url.startsWith('/api/') || !access) return;
      for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, access });
    };
    t = await openTestApi({ onRoute: collect });
    world = await seedConsoleWorld(t.ctx, t.clock);
  });
  after(() => t.close());

  test('the server registers the routes the API serves, and the OpenAPI document lists each', async () => {
    assert.ok(routes.length >= 25, `${routes.length} routes`);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    assert.deepEqual(documented.sort(), routes.map(label).sort());
  });

  test('anonymous: 401 SECCOM_UNAUTHENTICATED on every route that is not public', async () => {
    const closed = routes.filter((r) => !('public' in r.access));
    assert.ok(closed.length >= routes.length - 2, 'only signing in (and who am I) are public');
    for (const r of closed) {
      const res = await call(t.app, r.method, withId(r.url, missingId), undefined, validBodies[`${r.method} ${r.url}`]);
      assert.equal(res.statusCode, 401, label(r));
      assert.equal(problem(res).code, 'SECCOM_UNAUTHENTICATED', label(r));
    }
  });

  test("a role without the route's permission: 403 SECCOM_FORBIDDEN, whatever the input", async () => {
    const guarded = routes.filter((r): r is ApiRoute & { access: { permission: Permission } } => 'permission' in r.access);
    assert.ok(guarded.length >= 20);
    for (const r of guarded) {
      const res = await call(t.app, r.method, withId(r.url, missingId), await user(someone(r.access.permission, false)), []);
      assert.equal(res.statusCode, 403, label(r));
      assert.equal(problem(res).code, 'SECCOM_FORBIDDEN', label(r));
    }
  });

  test('a missing record, and one outside your jurisdiction or step, are the same 404 SECCOM_NOT_FOUND', async () => {
    const [heldDetainer] = await t.store.db.select({ id: detainers.id }).from(detainers).where(eq(detainers.bookingId, world.bookingIds.held));
    // Records that exist but that this user may not see: another county's, another state's, or never at the user's step.
    const outside: Record<string, [WorldUser, string]> = {
      'GET /api/bookings/:id': ['hartford', world.bookingIds.unknown],
      'GET /api/bookings/:id/case': ['eroil', world.bookingIds.held],
      'POST /api/bookings/:id/decision': ['eroil', world.bookingIds.held],
      'POST /api/bookings/:id/iar': ['analyst', world.bookingIds.unknown],
      'POST /api/detainers/:id/response': ['cook', heldDetainer!.id],
    };
    const byId = routes.filter((r) => r.url.includes(':id') && 'permission' in r.access);
    assert.ok(byId.length >= 8);
    for (const r of byId) {
      const key = label(r);
      const permitted = await user(someone((r.access as { permission: Permission }).permission, true));
      const missing = await call(t.app, r.method, withId(r.url, missingId), permitted, validBodies[key]);
      assert.equal(missing.statusCode, 404, `${key}: ${missing.body}`);
      assert.equal(problem(missing).code, 'SECCOM_NOT_FOUND', key);
      const hidden = outside[key];
      if (!hidden) continue;
      const [name, id] = hidden;
      const other = await call(t.app, r.method, withId(r.url, id), await user(name), validBodies[key]);
      const nothing = await call(t.app, r.method, withId(r.url, missingId), await user(name), validBodies[key]);
      assert.equal(other.statusCode, 404, `${key} as ${name}: ${other.body}`);
      assert.deepEqual(
        { ...problem(other), detail: problem(other).detail.replace(id, 'X'), instance: '', location: undefined },
        { ...problem(nothing), detail: problem(nothing).detail.replace(missingId, 'X'), instance: '', location: undefined },
        `${key}: word for word like a missing one`,
      );
    }
    // Every route of a record a jurisdiction owns is checked against one it does not.
    assert.deepEqual(
      byId.filter((r) => r.url.startsWith('/api/bookings/') || r.url.startsWith('/api/detainers/')).map(label).sort(),
      Object.keys(outside).sort(),
    );
  });

  test('invalid input: 422 SECCOM_REQUEST_INVALID naming the field, on every route that takes input', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, unknown> } }>>;
    };
    let checked = 0;
    for (const r of routes) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]![r.method.toLowerCase()]!;
      const query = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
      const json = op.requestBody?.content['application/json'] !== undefined;
      // The wrong shape for a body; an impossible value for a query.
      const bad = json
        ? { url: r.url, body: [] as unknown }
        : query.has('limit')
          ? { url: `${r.url}?limit=0` }
          : query.has('from')
            ? { url: `${r.url}?from=yesterday` }
            : query.has('releaseDueAt')
              ? { url: `${r.url}?releaseDueAt=soon` }
              : undefined;
      if (!bad) continue;
      const caller = 'permission' in r.access ? await user(someone(r.access.permission, true)) : undefined;
      const res = await call(t.app, r.method, withId(bad.url, missingId), caller, bad.body);
      assert.equal(res.statusCode, 422, `${label(r)}: ${res.body}`);
      const p = problem(res);
      assert.equal(p.code, 'SECCOM_REQUEST_INVALID', label(r));
      assert.ok(Array.isArray(p.details) && (p.details as { field: string }[]).every((d) => d.field.length > 0), `${label(r)} names the field`);
      checked++;
    }
    assert.ok(checked >= 20, `${checked} routes take input`);
  });
});
