import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { decodeImage } from '../../formats/images/index.ts';
import { extractTemplate } from './extract.ts';
import { ExtractionPool } from './worker-pool.ts';

test('worker pool extracts the same template as the main thread, then shuts down cleanly', async () => {
  const bytes = readFileSync(sharedData('fvc', 'fvc2002', 'DB4_B', '103_1.png'));
  const pool = new ExtractionPool(2);
  try {
    const [a, b] = await Promise.all([pool.extract(bytes), pool.extract(bytes)]);
    const local = extractTemplate(decodeImage(bytes)).template;
    assert.equal(JSON.stringify(a.template), JSON.stringify(local));
    assert.equal(JSON.stringify(b.template), JSON.stringify(local));
    await assert.rejects(pool.extract(new Uint8Array([1, 2, 3])), { code: 'SECCOM_IMAGE_FORMAT_UNKNOWN' });
    assert.equal(pool.running, 2, 'a bad image does not kill a worker');
  } finally {
    await pool.close();
  }
  assert.equal(pool.running, 0);
  await assert.rejects(pool.extract(bytes), /closed/);
});

test('closing a busy pool rejects its pending work and leaves no thread behind', async () => {
  const bytes = readFileSync(sharedData('fvc', 'fvc2004', 'DB1_B', '101_1.png'));
  const pool = new ExtractionPool(1);
  const pending = [pool.extract(bytes), pool.extract(bytes), pool.extract(bytes)];
  const settled = Promise.allSettled(pending);
  await pool.close();
  const results = await settled;
  assert.ok(results.every((r) => r.status === 'rejected'));
  assert.equal(pool.running, 0);
});
