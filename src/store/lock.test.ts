import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { lockDir, lockFileName } from './lock.ts';
import { openStore } from './open.ts';
import { insertAudited } from './audited.ts';
import { jurisdictions } from './schema/index.ts';
import { isSeccomError } from '../errors/index.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'seccom-lock-'));
}

function isLocked(pid: number) {
  return (e: unknown) => {
    assert.ok(isSeccomError(e), String(e));
    assert.equal(e.code, 'SECCOM_STORE_LOCKED');
    assert.match(e.message, new RegExp(`process ${pid}\\b`));
    return true;
  };
}

test('a second lock on the same directory fails with SECCOM_STORE_LOCKED; release frees it', () => {
  const dir = tempDir();
  const lock = lockDir(dir);
  assert.throws(() => lockDir(dir), isLocked(process.pid));
  lock.release();
  assert.equal(existsSync(join(dir, lockFileName)), false);
  lockDir(dir).release();
  rmSync(dir, { recursive: true });
});

test('a lock held by another live process is respected, and taken over once that process is dead', async () => {
  const dir = tempDir();
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const pid = child.pid!;
  writeFileSync(join(dir, lockFileName), JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
  assert.throws(() => lockDir(dir), isLocked(pid));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const lock = lockDir(dir); // stale now: taken over
  assert.equal(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8')).pid, process.pid);
  lock.release();
  rmSync(dir, { recursive: true });
});

test('a half-written lock file left by a crash is treated as stale', () => {
  const dir = tempDir();
  writeFileSync(join(dir, lockFileName), '{"pid": 12');
  lockDir(dir).release();
  rmSync(dir, { recursive: true });
});

test('the embedded store refuses a second opener and keeps its data across a restart', async () => {
  const dir = tempDir();
  const first = await openStore({ dataDir: dir });
  try {
    await assert.rejects(openStore({ dataDir: dir }), isLocked(process.pid));
    await first.transaction((tx) =>
      insertAudited(tx, jurisdictions, [{ id: 'J-1', name: 'One County', state: 'NY', ori: 'NY0010000', rulesetId: 'none' }], {
        actor: 'test',
        at: new Date(0),
      }),
    );
  } finally {
    await first.close();
  }
  const again = await openStore({ dataDir: dir });
  try {
    const [n] = await again.db.select({ n: count() }).from(jurisdictions);
    assert.equal(n!.n, 1);
  } finally {
    await again.close();
  }
  rmSync(dir, { recursive: true });
});
