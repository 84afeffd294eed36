import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTenprint } from '../../formats/ebts/index.ts';
import { simEpoch } from '../../sim/demo.ts';
import { seedWorld } from '../../sim/seed.ts';
import { generateWorld } from '../../sim/world.ts';
import { openStore } from '../../store/open.ts';
import { main } from '../main.ts';
import { captureIO } from '../../../test/support/capture.ts';
import { sampleCar } from '../../../test/support/ebts-sample.ts';
import { requireOrSkip, sharedDataPresent } from '../../../test/support/env.ts';
import { createTestDatabase, postgresAvailable } from '../../../test/support/store.ts';

test('seccom submit: an EBTS CAR goes through the stages; the same TCN again and an unknown ORI are typed errors', async (t) => {
  const skip = requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable()) || requireOrSkip('../shared/data', sharedDataPresent());
  if (skip) return t.skip(skip);
  const { url, drop } = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'seccom-submit-'));
  try {
    const store = await openStore({ url });
    await seedWorld(store, generateWorld('submit', 30, simEpoch));
    await store.close();

    // Four fingers keep extraction short; the stages take whatever fingers a booking has.
    const full = sampleCar();
    const base = { ...full, fingerprints: full.fingerprints.slice(0, 4) };
    const car = join(dir, 'car.an2');
    // Hartford County, CT, activated 2012-02-22: an arrest after that goes on to DHS.
    writeFileSync(car, buildTenprint({ ...base, header: { ...base.header, ori: 'CT0020000', tcn: 'CT-SUBMIT-1' }, arrest: { ...base.arrest, date: '20120402' } }));
    const ok = captureIO();
    assert.equal(await main(['submit', car, '--store', url, '--json'], ok), 0, ok.stderr.join('\n'));
    const out = JSON.parse(ok.stdout[0]!) as { bookingId: string; path: string[] };
    assert.equal(out.bookingId, 'B-CT-SUBMIT-1');
    assert.equal(out.path[0], 'intake');
    assert.match(out.path[1]!, /^sib: SID CT\d{8} \((new|on file)\), forwarded to DHS/);
    assert.match(out.path[2]!, /^cjis: SRF [IN]/);
    assert.match(out.path[3]!, /^ident: /);
    assert.match(out.path[out.path.length - 1]!, /^outcome: /);

    const again = captureIO();
    assert.equal(await main(['submit', car, '--store', url], again), 6);
    assert.match(again.stderr.join(''), /SECCOM_DUPLICATE_SUBMISSION: TCN CT-SUBMIT-1 already submitted as booking B-CT-SUBMIT-1/);

    const stranger = join(dir, 'unknown.an2');
    writeFileSync(stranger, buildTenprint({ ...base, header: { ...base.header, ori: 'ZZ0000000', tcn: 'ZZ0000000-0001' } }));
    const unknown = captureIO();
    assert.equal(await main(['submit', stranger, '--store', url], unknown), 4);
    assert.match(unknown.stderr.join(''), /SECCOM_UNKNOWN_JURISDICTION/);

    const missing = captureIO();
    assert.equal(await main(['submit', join(dir, 'nope.an2'), '--store', url], missing), 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  }
});
