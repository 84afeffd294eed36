import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from './main.ts';
import type { CliIO } from './command.ts';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

test('--help lists the commands', async () => {
  const io = capture();
  assert.equal(await main(['--help'], io), 0);
  assert.match(io.stdout.join('\n'), /Usage: seccom <command>/);
});

test('an unknown command is a usage error with exit code 2', async () => {
  const io = capture();
  assert.equal(await main(['no-such-thing'], io), 2);
  assert.match(io.stderr.join('\n'), /SECCOM_USAGE/);
});

test('--json errors are problem documents', async () => {
  const io = capture();
  assert.equal(await main(['no-such-thing', '--json'], io), 2);
  assert.equal(JSON.parse(io.stderr[0]!).code, 'SECCOM_USAGE');
});
