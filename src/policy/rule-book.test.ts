import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRuleBook, type RuleSource } from './rule-book.ts';
import { evaluateCase } from './engine/evaluate-case.ts';
import { parseCaseFacts } from './facts/case-facts.ts';
import { MINIMAL_FEDERAL as FEDERAL } from '../../test/support/policy-books.ts';

const book = (...extra: RuleSource[]) => buildRuleBook([{ file: 'policies/federal.policy', text: FEDERAL }, ...extra]);
const local = (body: string, header = '') => ({
  file: 'policies/us-zz.policy',
  text: `jurisdiction us-zz\nname "test state"\nkind state\nsource "test"\nstatus secondary\n${header}${body}`,
});
const HEADER_LINES = 5;

function rejects(sources: () => unknown, code: string, where: { file?: string; line?: number; rule?: string }, message?: RegExp) {
  assert.throws(sources, (e: { code: string; location: Record<string, unknown>; message: string }) => {
    assert.equal(e.code, code, e.message);
    for (const [k, v] of Object.entries(where)) assert.equal(e.location[k], v, `${k} in ${e.message}`);
    if (message) assert.match(e.message, message);
    return true;
  });
}

const jailBlock = (rules: string, range = 'from 2014-01-01') => `decide jail-response agree ${range}
  values honour notify-only decline
  default decline
  source "test law"
  status secondary
${rules}`;

test('a valid book loads, and a local file inherits federal sets and decisions', () => {
  const b = book(local(jailBlock('  rule felony\n    when any(convictions where felony)\n    then honour\n    cite "s. 1"\n')));
  assert.deepEqual([...b.jurisdictions.keys()], ['federal', 'us-zz']);
  assert.equal(b.jurisdictions.get('us-zz')!.parent, 'federal');
});

test('syntax errors name the file, the line and the rule', () => {
  rejects(() => book(local(jailBlock('  rule felony\n    when any(convictions where felony\n    then honour\n    cite "s. 1"\n'))), 'SECCOM_POLICY_SYNTAX', {
    file: 'policies/us-zz.policy',
    rule: 'felony',
  });
  rejects(() => book(local(jailBlock('  rule felony\n    when felony ==\n    then honour\n    cite "x"\n'))), 'SECCOM_POLICY_SYNTAX', { line: HEADER_LINES + 7, rule: 'felony' });
  rejects(() => book(local('decide jail-response agree 2014-01-01\n')), 'SECCOM_POLICY_SYNTAX', { line: HEADER_LINES + 1 }, /from <date>/);
  rejects(() => book(local('when true\n')), 'SECCOM_POLICY_SYNTAX', { line: HEADER_LINES + 1 }, /inside a "rule"/);
  rejects(() => book({ file: 'policies/x.policy', text: 'name "no id"\n' }), 'SECCOM_POLICY_SYNTAX', { line: 1 }, /must start with "jurisdiction/);
  rejects(() => book(local('bogus 1\n')), 'SECCOM_POLICY_SYNTAX', { line: HEADER_LINES + 1 }, /unknown keyword/);
});

test('schema errors: missing citation, unknown fact, wrong type, value outside the decision, bad date', () => {
  rejects(() => book(local(jailBlock('  rule felony\n    when any(convictions where felony)\n    then honour\n'))), 'SECCOM_POLICY_SCHEMA', { line: HEADER_LINES + 6, rule: 'felony' }, /cite/);
  rejects(() => book(local(jailBlock('  rule r\n    when person.shoe-size > 3\n    then honour\n    cite "x"\n'))), 'SECCOM_POLICY_SCHEMA', { line: HEADER_LINES + 7, rule: 'r' }, /unknown fact "person.shoe-size"/);
  rejects(() => book(local(jailBlock('  rule r\n    when immigration.entry-date > 5\n    then honour\n    cite "x"\n'))), 'SECCOM_POLICY_SCHEMA', { rule: 'r' }, /date, compared with number/);
  rejects(() => book(local(jailBlock('  rule r\n    when detainer.form = I-999\n    then honour\n    cite "x"\n'))), 'SECCOM_POLICY_SCHEMA', { rule: 'r' }, /not I-999/);
  rejects(() => book(local(jailBlock('  rule r\n    when security.tsdb-match\n    then release\n    cite "x"\n'))), 'SECCOM_POLICY_SCHEMA', { rule: 'r' }, /then release/);
  rejects(() => book(local(jailBlock('  rule r\n    when any(convictions where felony and years-ago)\n    then honour\n    cite "x"\n'))), 'SECCOM_POLICY_SCHEMA', { rule: 'r' }, /not true\/false/);
  rejects(() => book(local(jailBlock('', 'from 2014-02-30'))), 'SECCOM_POLICY_SCHEMA', { line: HEADER_LINES + 1 }, /calendar date/);
  rejects(() => book(local('decide priority first from 2014-01-01\n  values none\n  default none\n  source "x"\n  status verified\n')), 'SECCOM_POLICY_SCHEMA', {}, /only the federal file/);
  rejects(() => book(local('', 'timezone Mars/Base\n')), 'SECCOM_POLICY_SCHEMA', { line: HEADER_LINES + 1 }, /IANA/);
});

test('contradictions: overlapping versions, same condition with different outcomes, rules that disagree on a case', () => {
  const two = jailBlock('', 'from 2014-01-01 until 2020-01-01') + jailBlock('', 'from 2019-06-01');
  rejects(() => book(local(two)), 'SECCOM_POLICY_CONTRADICTION', { file: 'policies/us-zz.policy', line: HEADER_LINES + 6 }, /in force together/);
  const same = jailBlock('  rule a\n    when security.tsdb-match\n    then honour\n    cite "x"\n  rule b\n    when security.tsdb-match\n    then decline\n    cite "y"\n');
  rejects(() => book(local(same)), 'SECCOM_POLICY_CONTRADICTION', { rule: 'b' }, /same condition/);
  const disagree = jailBlock('  rule a\n    when security.tsdb-match\n    then honour\n    cite "x"\n  rule b\n    when security.gang-member\n    then decline\n    cite "y"\n');
  const b = book(local(disagree));
  const facts = parseCaseFacts({
    caseId: 'c',
    booking: { jurisdiction: 'us-zz', timeZone: 'America/New_York', bookedAt: '2015-01-05T10:00:00-05:00' },
    security: { tsdbMatch: true, gangMember: true },
    detainer: { form: 'I-247' },
  });
  rejects(() => evaluateCase(b, facts, { jurisdiction: 'us-zz', at: '2015-01-05' }), 'SECCOM_POLICY_CONTRADICTION', { rule: 'b' }, /disagree/);
});

test('a version may only read decisions in force over its whole range', () => {
  const reads = `decide step first from 2014-01-01 until 2016-01-01
  values yes no
  default no
  source "x"
  status verified
${jailBlock('  rule r\n    when step = yes\n    then honour\n    cite "x"\n')}`;
  rejects(() => book(local(reads)), 'SECCOM_POLICY_SCHEMA', { rule: 'jail-response' }, /not in force over that whole range/);
});

test('unknown parent, loops and duplicate jurisdictions are refused', () => {
  rejects(() => book(local('', 'parent us-nowhere\n')), 'SECCOM_POLICY_SCHEMA', { line: HEADER_LINES + 1 }, /not declared/);
  rejects(() => book(local(''), { ...local(''), file: 'policies/dup.policy' }), 'SECCOM_POLICY_SCHEMA', { file: 'policies/dup.policy' }, /already declared/);
  const a = { file: 'policies/a.policy', text: 'jurisdiction a\nname "a"\nkind county\nparent b\nsource "x"\nstatus verified\n' };
  const c = { file: 'policies/b.policy', text: 'jurisdiction b\nname "b"\nkind county\nparent a\nsource "x"\nstatus verified\n' };
  rejects(() => book(a, c), 'SECCOM_POLICY_SCHEMA', {}, /loops/);
});

test('the federal file must decide what the engine needs', () => {
  const broken = FEDERAL.replace(/decide clock[\s\S]*$/, '');
  rejects(() => buildRuleBook([{ file: 'policies/federal.policy', text: broken }]), 'SECCOM_POLICY_SCHEMA', { file: 'policies/federal.policy' }, /must decide "clock"/);
});
