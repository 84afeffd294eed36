/**
 * API tests: one in-memory store and one Fastify app per test file, requests through
 * app.inject(), signed in as any seeded user (cookie + CSRF token) or by API token.
 */
import Fastify, { type FastifyInstance, type LightMyRequestResponse, type RouteOptions } from 'fastify';
import { loadRuleBook } from '../../src/policy/loader.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import type { Store } from '../../src/store/store.ts';
import { registerApi } from '../../src/server/api.ts';
import { createContext, type ServerContext } from '../../src/server/context.ts';
import { openTestStore } from './store.ts';

export interface TestApi {
  app: FastifyInstance;
  store: Store;
  ctx: ServerContext;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function openTestApi(opts: { console?: boolean; store?: Store; onRoute?: (route: RouteOptions) => void } = {}): Promise<TestApi> {
  const store = opts.store ?? (await openTestStore('pglite'));
  const clock = new ManualClock('2012-03-05T15:00:00Z');
  const ctx = createContext({ store, clock, book: loadRuleBook() });
  const app = Fastify({ logger: process.env.SECCOM_TEST_LOG ? { level: 'error' } : false });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  await registerApi(app, ctx, { console: opts.console ?? false });
  await app.ready();
  return {
    app,
    store,
    ctx,
    clock,
    async close() {
      await app.close();
      if (!opts.store) await store.close();
    },
  };
}

export interface Caller {
  cookie?: string;
  csrf?: string;
  token?: string;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'seccom_session');
  return { cookie: `seccom_session=${cookie!.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export function call(app: FastifyInstance, method: string, url: string, as?: Caller, payload?: unknown): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (as?.cookie) headers.cookie = as.cookie;
  if (as?.csrf && method !== 'GET') headers['x-csrf-token'] = as.csrf;
  if (as?.token) headers.authorization = `Bearer ${as.token}`;
  return app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** The problem document of a failed response, checked to be RFC 9457-shaped. */
export function problem(res: LightMyRequestResponse): { status: number; code: string; detail: string; details?: unknown } {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected a problem document, got ${res.headers['content-type']}: ${res.body.slice(0, 200)}`);
  }
  return res.json();
}
