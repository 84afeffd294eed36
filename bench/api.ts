/**
 * `npm run bench:api [-- --bookings N --duration S --store postgres://… | --pglite]`: requests/s
 * and latency (p50, p99) of the booking list and the booking detail with N bookings (default
 * 100,000) in the store, measured with autocannon against the API in its own process. The list
 * pages by keyset; the plan of each list query is checked on PostgreSQL (no sequential scan of a
 * large table). Every detail read appends an audit entry, so that figure includes a write.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import pg from 'pg';
import { systemClock } from '../src/domain/clock.ts';
import { loadRuleBook } from '../src/policy/index.ts';
import { encodeCursor } from '../src/server/services/cursor.ts';
import { UserService } from '../src/server/services/users.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { listBookings } from '../src/store/queries/bookings.ts';
import { bulkBookingId, seedBulkBookings } from '../test/support/bulk-bookings.ts';
import { explain, seqScans } from '../test/support/plans.ts';
import { postgresAvailable, testPostgresUrl } from '../test/support/store.ts';
import { machineSummary } from './machine.ts';

const { values } = parseArgs({ options: { bookings: { type: 'string' }, duration: { type: 'string' }, store: { type: 'string' }, pglite: { type: 'boolean' } } });
const n = Number(values.bookings ?? 100_000);
const duration = Number(values.duration ?? 10);
const start = new Date('2011-01-01T00:00:00Z');
const password = 'bench-password-1234';

/** A fresh database (PostgreSQL) or data directory (PGlite) and how to remove it. */
async function freshStore(): Promise<{ options: StoreOptions; where: string; label: string; drop(): Promise<void> }> {
  const usePg = !values.pglite && (values.store !== undefined || (await postgresAvailable()));
  if (!usePg) {
    const dir = mkdtempSync(join(tmpdir(), 'seccom-bench-api-'));
    return { options: { dataDir: dir }, where: dir, label: 'embedded PGlite (data directory)', drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = values.store ?? testPostgresUrl;
  const name = `seccom_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    options: { url: url.toString() },
    where: url.toString(),
    label: 'PostgreSQL',
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** CPU time (ms) the process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function startServer(where: string, clockAt: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'api-server.ts'), where, clockAt], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
  });
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const t0 = performance.now();
const target = await freshStore();
const setup = await openStore(target.options);
await seedBulkBookings(setup, n, start);
const users = new UserService(setup, systemClock, loadRuleBook());
await users.create({ username: 'inspector', displayName: 'Bench Inspector', role: 'inspector', ori: 'DCOIG0000', scope: 'national', password }, 'bench');
await users.create({ username: 'jail', displayName: 'Bench Jail', role: 'jail_officer', ori: 'CT0900000', scope: 'county:bench-ct-a', password }, 'bench');
const middle = { submittedAt: new Date(start.getTime() + (n / 2) * 300_000), id: bulkBookingId(n / 2) };
const plans: string[] = [];
if (setup.kind === 'postgres') {
  for (const [name, q] of [
    ['national', listBookings(setup.db, {}, { limit: 51 })],
    ['deep page', listBookings(setup.db, {}, { limit: 51, after: middle })],
    ['county', listBookings(setup.db, { jurisdictionId: 'bench-ct-a' }, { limit: 51 })],
    ['search', listBookings(setup.db, {}, { limit: 51, q: 'MORALES042' })],
  ] as const) {
    const scans = seqScans(await explain(setup.db, q));
    plans.push(`${name}: ${scans.length ? `SEQ SCAN of ${scans.join(', ')}` : 'index scans only'}`);
  }
}
await setup.close();
const tSeed = performance.now();

const { child, base } = await startServer(target.where, new Date(start.getTime() + n * 300_000).toISOString());
try {
  const inspector = await signIn(base, 'inspector');
  const jail = await signIn(base, 'jail');
  // A large prime stride visits the bookings in a scattered order; county A's are the multiples of 3.
  let k = 0;
  const anyBooking = (req: CannonRequest) => ({ ...req, path: `/api/bookings/${bulkBookingId(((k += 7919) % n) + 1)}` });
  const countyBooking = (req: CannonRequest) => ({ ...req, path: `/api/bookings/${bulkBookingId(3 * (((k += 7919) % Math.floor(n / 3)) + 1))}` });
  const scenarios: { name: string; cookie: string; path?: string; request?: CannonRequest }[] = [
    { name: 'list, first page (national, 50 rows)', cookie: inspector, path: '/api/bookings?limit=50' },
    { name: 'list, a page in the middle (keyset cursor)', cookie: inspector, path: `/api/bookings?limit=50&cursor=${encodeCursor([middle.submittedAt.toISOString(), middle.id])}` },
    { name: 'list, one county (jail officer)', cookie: jail, path: '/api/bookings?limit=50' },
    { name: 'list, search by family name', cookie: inspector, path: '/api/bookings?limit=50&q=MORALES042' },
    { name: 'detail, audited read (national)', cookie: inspector, request: { setupRequest: anyBooking } },
    { name: 'detail, audited read (own county)', cookie: jail, request: { setupRequest: countyBooking } },
  ];
  const lines: string[] = [];
  for (const s of scenarios) {
    const cpu0 = cpuMs(child.pid!);
    const r = await autocannon({
      url: base,
      connections: 10,
      duration,
      headers: { cookie: s.cookie },
      requests: [s.request ?? { method: 'GET', path: s.path }],
    });
    const cpuPerRequest = (cpuMs(child.pid!) - cpu0) / r.requests.total;
    lines.push(
      `  ${s.name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   API CPU ${cpuPerRequest.toFixed(1)} ms/request   (${r.requests.total} requests, non-2xx ${r.non2xx}, errors ${r.errors})`,
    );
  }
  console.log(machineSummary());
  console.log(`bench:api  ${n.toLocaleString('en-US')} bookings in ${target.label}; 10 connections, ${duration} s per scenario; seeding ${((tSeed - t0) / 1000).toFixed(1)} s`);
  console.log(lines.join('\n'));
  console.log(`  load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (on a shared machine, req/s and latency fall with the load; CPU per request does not)`);
  if (plans.length) console.log(`  query plans (EXPLAIN): ${plans.join('; ')}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await target.drop();
}
