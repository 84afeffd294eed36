import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from './main.ts';
import { captureIO } from '../../test/support/capture.ts';

test('seccom worker needs --stage and --bus; a bad --bus URL fails before anything opens', async () => {
  let io = captureIO();
  assert.equal(await main(['worker', '--stage', 'ident', '--store', 'postgres://nowhere/x'], io), 2);
  assert.match(io.stderr.join('\n'), /SECCOM_USAGE: a worker needs --stage and --bus/);
  io = captureIO();
  assert.equal(await main(['worker', '--stage', 'ident', '--bus', 'redis://h', '--store', 'postgres://nowhere/x'], io), 2);
  assert.match(io.stderr.join('\n'), /SECCOM_BUS_URL/);
});

test('seccom start --stages without --bus is a usage error (nothing else would run the other stages)', async () => {
  const io = captureIO();
  assert.equal(await main(['start', '--stages', 'sib', '--data', '/nonexistent/never-opened'], io), 2);
  assert.match(io.stderr.join('\n'), /--stages needs --bus/);
});
