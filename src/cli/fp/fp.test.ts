import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import type { CliIO } from '../command.ts';
import { sharedData } from '../../../test/support/env.ts';
import { encodePng } from '../../formats/images/index.ts';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const img = (name: string) => sharedData('fvc', 'fvc2002', 'DB1_B', `${name}.png`);

test('fp extract --json prints the minutiae and quality; --debug-dir and --template-out write files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-fpcli-'));
  try {
    const io = capture();
    const tpl = join(dir, 'a.scfp');
    assert.equal(await main(['fp', 'extract', img('102_1'), '--json', '--debug-dir', dir, '--template-out', tpl], io), 0);
    const out = JSON.parse(io.stdout.join(''));
    assert.ok(out.minutiae.length > 10);
    assert.equal(typeof out.quality, 'number');
    assert.equal(out.lowQuality, false);
    assert.ok(existsSync(join(dir, 'minutiae.png')) && existsSync(tpl));

    const m = capture();
    assert.equal(await main(['fp', 'match', tpl, img('102_2')], m), 0);
    const [score, decision] = m.stdout.join('\n').split('\n');
    assert.ok(Number(score) > 0);
    assert.equal(decision, 'match');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fp match says no-match for different fingers', async () => {
  const io = capture();
  assert.equal(await main(['fp', 'match', img('103_1'), img('104_1'), '--json'], io), 0);
  const r = JSON.parse(io.stdout.join(''));
  assert.equal(r.match, false);
  assert.ok(r.score < r.threshold);
});

test('fp match reads ISO 19794-2 minutiae records', async () => {
  const iso = (name: string) => sharedData('sourceafis-samples', `iso-${name}.dat`);
  const same = capture();
  assert.equal(await main(['fp', 'match', iso('probe'), iso('matching')], same), 0);
  assert.equal(same.stdout.join('\n').split('\n')[1], 'match');
  const other = capture();
  assert.equal(await main(['fp', 'match', iso('probe'), iso('nonmatching')], other), 0);
  assert.equal(other.stdout.join('\n').split('\n')[1], 'no-match');
});

test('fp extract flags a blank image as low quality', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-fpcli-'));
  try {
    const f = join(dir, 'blank.png');
    writeFileSync(f, encodePng({ width: 200, height: 200, pixels: new Uint8Array(40000).fill(250) }));
    const io = capture();
    assert.equal(await main(['fp', 'extract', f], io), 0);
    assert.match(io.stdout.join('\n'), /^quality 0 \(LOW/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fp usage errors and unreadable inputs fail with their codes', async () => {
  const io = capture();
  assert.equal(await main(['fp', 'nope'], io), 2);
  assert.equal(await main(['fp', 'match', img('101_1')], io), 2);
  assert.equal(await main(['fp', 'extract', '/no/such/file.png', '--json'], io), 5);
  assert.equal(JSON.parse(io.stderr.at(-1)!).code, 'SECCOM_FILE_NOT_FOUND');
});
