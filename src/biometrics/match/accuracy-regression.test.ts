/**
 * A fast accuracy regression on real prints: three fingers × three impressions from two FVC
 * databases of different sensors, every ordered pair compared. Catches an extractor or matcher
 * change that breaks matching long before the full benchmark is run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { decodeImage } from '../../formats/images/index.ts';
import { extractTemplate } from '../extract/extract.ts';
import { errorRates } from './error-rates.ts';
import { Matcher, prepareProbe } from './matcher.ts';
import { packTemplate } from './packed-template.ts';
import { DEFAULT_THRESHOLD, thresholdFor } from './thresholds.ts';

const sets = [
  { db: 'fvc2002/DB1_B', ppi: 500 },
  { db: 'fvc2004/DB3_B', ppi: 512 },
];
const fingers = ['101', '105', '109'];
const impressions = ['1', '3', '5'];

test('real genuine pairs score above impostor pairs', () => {
  for (const { db, ppi } of sets) {
    const items = fingers.flatMap((f) =>
      impressions.map((i) => ({
        finger: f,
        packed: packTemplate(extractTemplate(decodeImage(readFileSync(sharedData('fvc', db, `${f}_${i}.png`))), { ppi }).template),
      })),
    );
    const genuine: number[] = [];
    const impostor: number[] = [];
    for (const a of items) {
      const m = new Matcher(prepareProbe(a.packed));
      for (const b of items) if (a !== b) (a.finger === b.finger ? genuine : impostor).push(m.score(b.packed));
    }
    const r = errorRates(genuine, impostor);
    assert.ok(r.eer <= 0.1, `${db}: EER ${r.eer}`);
    assert.ok(Math.max(...impostor) < thresholdFor(1e-2) * 1.5, `${db}: impostor max ${Math.max(...impostor)}`);
    const accepted = genuine.filter((s) => s >= DEFAULT_THRESHOLD.score).length / genuine.length;
    assert.ok(accepted >= 0.75, `${db}: only ${accepted} of genuine pairs pass the default threshold`);
  }
});
