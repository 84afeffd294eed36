import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import { extractTemplate } from '../../biometrics/extract/extract.ts';
import { packTemplate } from '../../biometrics/match/packed-template.ts';
import { decodeImage, encodePng } from '../../formats/images/index.ts';
import { insertAudited } from '../../store/audited.ts';
import { openStore } from '../../store/open.ts';
import { immigrationSubjects } from '../../store/schema/index.ts';
import { captureIO } from '../../../test/support/capture.ts';
import { sharedData } from '../../../test/support/env.ts';

const image = (n: number) => sharedData('fvc', 'fvc2002', 'DB1_B', `10${n}_1.png`);
const other = sharedData('fvc', 'fvc2002', 'DB1_B', '103_2.png');

test('fp search lists the gallery subject whose finger the probe image shows, from an image or a packed template', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-fp-search-'));
  try {
    const at = new Date('2012-04-02T06:00:00Z');
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      const rows = [1, 2, 3, 4].map((n) => ({
        fin: `FIN00000000${n}`,
        personId: `P${n}`,
        aNumber: null,
        status: 'visa',
        familyName: 'DOE',
        givenName: 'JOHN',
        dob: '1980-01-01',
        sex: 'M',
        pob: 'MX',
        priorRemovalOrder: false,
        templates: [{ ...extractTemplate(decodeImage(readFileSync(image(n)))).template, position: 2 }],
        enrolledAt: at,
      }));
      await store.transaction((tx) => insertAudited(tx, immigrationSubjects, rows, { actor: 'test', at }));
    } finally {
      await store.close();
    }
    const io = captureIO();
    assert.equal(await main(['fp', 'search', other, '--top', '3', '--data', join(dir, 'data'), '--json'], io), 0, io.stderr.join('\n'));
    const out = JSON.parse(io.stdout.join('')) as { usableFingers: number; galleries: Record<string, number>; candidates: { gallery: string; subjectId: string; hit: boolean }[] };
    assert.equal(out.usableFingers, 1);
    assert.deepEqual(out.galleries, { cjis: 0, ident: 4 });
    assert.equal(out.candidates.length, 3, 'a listing is filled up to --top');
    assert.deepEqual([out.candidates[0]!.gallery, out.candidates[0]!.subjectId], ['ident', 'FIN000000003']);

    const template = join(dir, 'probe.scfp');
    writeFileSync(template, packTemplate(extractTemplate(decodeImage(readFileSync(other))).template).bytes);
    const text = captureIO();
    assert.equal(await main(['fp', 'search', template, '--position', '2', '--gallery', 'ident', '--data', join(dir, 'data')], text), 0, text.stderr.join('\n'));
    assert.match(text.stdout.join('\n'), /^ {2}1 {2}ident FIN000000003 /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fp search refuses blank, noise, tiny, huge and non-image input with typed errors, before opening any store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-fp-search-'));
  try {
    const blank = join(dir, 'blank.png');
    writeFileSync(blank, encodePng({ width: 300, height: 300, pixels: new Uint8Array(300 * 300).fill(255) }));
    const tiny = join(dir, 'tiny.png');
    writeFileSync(tiny, encodePng({ width: 20, height: 20, pixels: new Uint8Array(400).fill(128) }));
    const noise = join(dir, 'noise.png');
    let seed = 1;
    const noisy = Uint8Array.from({ length: 400 * 400 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    writeFileSync(noise, encodePng({ width: 400, height: 400, pixels: noisy }));
    const wide = join(dir, 'wide.png');
    writeFileSync(wide, encodePng({ width: 4200, height: 100, pixels: new Uint8Array(420_000).fill(200) }));
    const text = join(dir, 'note.txt');
    writeFileSync(text, 'not a fingerprint');
    const missing = join(dir, 'no-store');
    for (const [file, code, exit] of [
      [blank, 'SECCOM_SEARCH_PROBE_UNUSABLE', 4],
      [noise, 'SECCOM_SEARCH_PROBE_UNUSABLE', 4],
      [tiny, 'SECCOM_FP_IMAGE_TOO_SMALL', 4],
      [wide, 'SECCOM_FP_IMAGE_TOO_LARGE', 1],
      [text, 'SECCOM_IMAGE_FORMAT_UNKNOWN', 1],
    ] as const) {
      const io = captureIO();
      assert.equal(await main(['fp', 'search', file, '--data', missing, '--json'], io), exit);
      assert.equal((JSON.parse(io.stderr.join('')) as { code: string }).code, code);
    }
    const usage = captureIO();
    assert.equal(await main(['fp', 'search', blank, '--gallery', 'fbi'], usage), 2);
    assert.ok(!existsSync(missing), 'no store was opened');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
