import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import type { CliIO } from '../command.ts';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}
async function cli(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
const EXAMPLE = 'policies/examples/ct-pending-felony.json';

test('policy clock --json prints expiresAt and excludedDays (federal and Connecticut)', async () => {
  const fed = await cli('policy', 'clock', '--release', '2024-12-24T17:00:00-05:00', '--tz', 'America/New_York', '--json');
  assert.equal(fed.code, 0);
  assert.deepEqual(JSON.parse(fed.out), { expiresAt: '2024-12-27T17:00:00-05:00', excludedDays: ['2024-12-25'] });
  const ct = await cli('policy', 'clock', '--release', '2024-12-24T17:00:00-05:00', '--tz', 'America/New_York', '--rules', 'us-ct', '--json');
  assert.deepEqual(JSON.parse(ct.out), { expiresAt: '2024-12-26T17:00:00-05:00', excludedDays: [] });
  const text = await cli('policy', 'clock', '--release', '2024-12-24T17:00:00-05:00', '--rules', 'us-ct');
  assert.match(text.out, /rule: absolute \(us-ct/);
});

test('policy clock refuses bad input with typed errors', async () => {
  const noOffset = await cli('policy', 'clock', '--release', '2024-12-24T17:00:00', '--tz', 'America/New_York', '--json');
  assert.equal(noOffset.code, 4);
  assert.equal(JSON.parse(noOffset.err).code, 'SECCOM_POLICY_TIME_INVALID');
  const unknown = await cli('policy', 'clock', '--release', '2024-12-24T17:00:00-05:00', '--tz', 'America/New_York', '--rules', 'us-zz');
  assert.equal(unknown.code, 5);
  assert.match(unknown.err, /SECCOM_POLICY_UNKNOWN_JURISDICTION/);
  const early = await cli('policy', 'clock', '--release', '2005-01-03T09:00:00-05:00', '--tz', 'America/New_York');
  assert.match(early.err, /SECCOM_POLICY_NOT_IN_FORCE/);
  assert.equal((await cli('policy', 'clock', '--release', '2024-12-24T17:00:00-05:00')).code, 2);
});

test('policy evaluate prints the decision with its reasons, citations and facts', async () => {
  const r = await cli('policy', 'evaluate', EXAMPLE, '--jurisdiction', 'us-ct', '--at', '2014-06-30', '--json');
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  assert.equal(d.ero.action, 'I-247');
  assert.equal(d.jail.response, 'honour');
  assert.equal(d.clock.expiresAt, '2014-07-05T16:00:00-04:00');
  const ct = d.jail.explanation.find((t: { jurisdiction: string; decision: string }) => t.jurisdiction === 'us-ct' && t.decision === 'jail-response');
  assert.equal(ct.fired[0].rule, 'pending-charge-no-bond');
  assert.match(ct.fired[0].cite, /54-192h\(b\)\(2\)/);
  assert.equal(ct.fired[0].facts[0].items[0], 'charges[0] 53a-60 (assault in the second degree (synthetic))');
  const text = await cli('policy', 'evaluate', EXAMPLE);
  assert.match(text.out, /jail: honour the I-247 \(hold \+ notify\), decided by us-ct; clock absolute/);
});

test('policy what-if compares jurisdictions and dates', async () => {
  const r = await cli('policy', 'what-if', EXAMPLE, '--under', 'us-ct@2014-06-30', '--under', 'us-il-cook@2014-06-30', '--json');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out).map((x: { jail: { response: string } }) => x.jail.response), ['honour', 'decline']);
  assert.equal((await cli('policy', 'what-if', EXAMPLE, '--under', 'us-ct')).code, 2);
});

test('policy evaluate names the bad field of a case file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-policy-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ caseId: 'x', booking: { jurisdiction: 'us-ct', timeZone: 'America/New_York', bookedAt: 'yesterday' } }));
  const r = await cli('policy', 'evaluate', bad, '--json');
  assert.equal(r.code, 4);
  const p = JSON.parse(r.err);
  assert.equal(p.code, 'SECCOM_POLICY_CASE_INVALID');
  assert.equal(p.location.field, 'booking.bookedAt');
  assert.equal((await cli('policy', 'evaluate', join(dir, 'missing.json'))).code, 5);
});

test('policy check validates every rule file, and names file, line and rule on a mistake', async () => {
  const ok = await cli('policy', 'check', '--json');
  assert.equal(ok.code, 0, ok.err);
  const ids = JSON.parse(ok.out).jurisdictions.map((j: { jurisdiction: string }) => j.jurisdiction);
  for (const id of ['federal', 'us-ct', 'us-ca', 'us-il-cook']) assert.ok(ids.includes(id), id);

  const dir = mkdtempSync(join(tmpdir(), 'seccom-policy-'));
  const { MINIMAL_FEDERAL } = await import('../../../test/support/policy-books.ts');
  writeFileSync(join(dir, 'federal.policy'), MINIMAL_FEDERAL);
  writeFileSync(
    join(dir, 'us-zz.policy'),
    'jurisdiction us-zz\nname "z"\nkind state\nsource "x"\nstatus verified\ndecide jail-response agree from 2014-01-01\n  values honour decline\n  default decline\n  source "x"\n  status verified\n  rule r\n    when immigration.final-removal-order\n    then honour\n',
  );
  const bad = await cli('policy', 'check', '--dir', dir, '--json');
  assert.equal(bad.code, 4);
  const p = JSON.parse(bad.err);
  assert.equal(p.code, 'SECCOM_POLICY_SCHEMA');
  assert.match(p.location.file, /us-zz\.policy$/);
  assert.deepEqual([p.location.line, p.location.rule], [11, 'r']);
});

test('policy facts lists the vocabulary', async () => {
  const r = await cli('policy', 'facts', '--json');
  const names = JSON.parse(r.out).map((f: { name: string }) => f.name);
  assert.ok(names.includes('immigration.final-removal-order'));
  assert.ok(names.includes('years-ago'));
});
