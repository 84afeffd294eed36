import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../test/support/env.ts';
import { decodePng } from '../../formats/images/index.ts';
import { decodeWsq } from '../../formats/wsq/index.ts';
import type { CliIO } from '../command.ts';
import { main } from '../main.ts';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

test('wsq decode writes the dwsq pixels as PNG with the ppi, and wsq encode makes a WSQ that decodes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-wsq-'));
  try {
    const png = join(dir, 'out.png');
    let io = capture();
    assert.equal(await main(['wsq', 'decode', sharedData('wsq', 'cwsq-0.75', 'fvc2004_DB3_B_107_1.wsq'), png], io), 0);
    const decoded = decodePng(new Uint8Array(readFileSync(png)));
    const golden = decodePng(new Uint8Array(readFileSync(sharedData('wsq', 'cwsq-0.75', 'fvc2004_DB3_B_107_1.dwsq.png'))));
    assert.deepEqual(decoded.pixels, golden.pixels);
    assert.equal(decoded.ppi, 512);

    const wsq = join(dir, 'out.wsq');
    io = capture();
    assert.equal(await main(['wsq', 'encode', sharedData('fvc', 'fvc2002', 'DB1_B', '101_1.png'), wsq, '--bitrate', '0.75', '--ppi', '500'], io), 0);
    assert.match(io.stdout.join(''), /388x374, \d+ bytes/);
    const back = decodeWsq(new Uint8Array(readFileSync(wsq)));
    assert.equal(back.width, 388);
    assert.equal(back.ppi, 500);

    io = capture();
    assert.equal(await main(['wsq', 'info', wsq, '--json'], io), 0);
    assert.equal(JSON.parse(io.stdout[0]!).nistcom.WSQ_BITRATE, '0.750000');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('wsq errors: usage, missing file, corrupt input with file and offset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-wsq-'));
  try {
    let io = capture();
    assert.equal(await main(['wsq', 'decode', 'only-one-arg'], io), 2);
    assert.match(io.stderr.join(''), /SECCOM_USAGE/);
    io = capture();
    assert.equal(await main(['wsq', 'decode', join(dir, 'missing.wsq'), join(dir, 'x.png')], io), 5);
    assert.match(io.stderr.join(''), /SECCOM_FILE_NOT_FOUND/);
    const cut = join(dir, 'cut.wsq');
    writeFileSync(cut, readFileSync(sharedData('wsq', 'sample', 'sample.wsq')).subarray(0, 700));
    io = capture();
    assert.equal(await main(['wsq', 'decode', cut, join(dir, 'x.png'), '--json'], io), 4);
    const problem = JSON.parse(io.stderr[0]!);
    assert.equal(problem.code, 'SECCOM_WSQ_TRUNCATED');
    assert.equal(problem.location.file, cut);
    assert.equal(typeof problem.location.offset, 'number');
    io = capture();
    assert.equal(await main(['wsq', 'encode', cut, join(dir, 'x.wsq'), '--bitrate', '-1'], io), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
