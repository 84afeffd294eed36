/**
 * The rule files under policies/, tested on synthetic cases built from DOMAIN.md §2–§5: each
 * factor of each law, each dated version, and the safeguards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRuleBook } from './loader.ts';
import { buildRuleBook } from './rule-book.ts';
import { evaluateCase, whatIf, type CaseDecision } from './engine/evaluate-case.ts';
import { participationAt } from './engine/participation.ts';
import { parseCaseFacts, type CaseFactsInput } from './facts/case-facts.ts';
import { MINIMAL_FEDERAL } from '../../test/support/policy-books.ts';

const book = loadRuleBook();

type Overrides = Partial<Omit<CaseFactsInput, 'booking'>> & { booking?: Partial<CaseFactsInput['booking']> };

function facts(o: Overrides = {}) {
  return parseCaseFacts({
    caseId: 'SYN-TEST',
    ...o,
    booking: { jurisdiction: 'federal', timeZone: 'America/New_York', bookedAt: '2015-03-02T10:00:00-05:00', ...o.booking },
    immigration: { status: 'unlawfully-present', removable: true, ...o.immigration },
  });
}
const run = (jurisdiction: string, at: string, o: Overrides = {}): CaseDecision => evaluateCase(book, facts(o), { jurisdiction, at });
const jail = (jurisdiction: string, at: string, o: Overrides) => run(jurisdiction, at, { detainer: { form: 'I-247' }, ...o }).jail!;

const felony = (extra: object = {}) => ({ code: '53a-101', severity: 'felony' as const, maxSentenceMonths: 240, date: '2010-05-01', ...extra });
const misdemeanor = (extra: object = {}) => ({ code: '14-227a', severity: 'misdemeanor' as const, maxSentenceMonths: 6, date: '2012-05-01', ...extra });

// ---------------------------------------------------------------- levels and categories -------

test('levels: aggravated felony and two >1-year convictions are Level 1; kept apart for charges and convictions', () => {
  assert.equal(run('federal', '2009-06-01', { convictions: [misdemeanor({ aggravatedFelony: true })] }).ero.convictionLevel, 'level-1');
  assert.equal(run('federal', '2009-06-01', { convictions: [felony(), felony({ code: '53a-102' })] }).ero.convictionLevel, 'level-1');
  assert.equal(run('federal', '2009-06-01', { convictions: [felony()] }).ero.convictionLevel, 'level-2');
  assert.equal(run('federal', '2009-06-01', { convictions: [misdemeanor(), misdemeanor(), misdemeanor()] }).ero.convictionLevel, 'level-2');
  const one = run('federal', '2009-06-01', { convictions: [misdemeanor()] }).ero;
  assert.equal(one.convictionLevel, 'level-3');
  assert.equal(one.removalCategory, 'level-3');
  const charged = run('federal', '2009-06-01', {
    charges: [{ code: '53a-60', severity: 'felony', maxSentenceMonths: 60 }],
    convictions: [{ ...misdemeanor(), severity: 'infraction', maxSentenceMonths: 0 }],
  }).ero;
  assert.equal(charged.chargeLevel, 'level-2');
  assert.equal(charged.convictionLevel, 'none');
  assert.equal(charged.removalCategory, 'non-criminal');
});

test('an offense punishable by exactly one year counts with the lesser group', () => {
  const two = [misdemeanor({ maxSentenceMonths: 12 }), misdemeanor({ maxSentenceMonths: 12 })];
  assert.equal(run('federal', '2009-06-01', { convictions: two }).ero.convictionLevel, 'level-3');
});

// ---------------------------------------------------------------- priorities and actions ------

test('before the Morton memo there are no priorities, and every removable match got a detainer', () => {
  const d = run('federal', '2009-06-01');
  assert.equal(d.ero.priority, null);
  assert.equal(d.ero.discretion, null);
  assert.equal(d.ero.action, 'I-247');
  assert.equal(run('federal', '2009-06-01', { immigration: { removable: false } }).ero.action, 'none');
});

test('Morton priorities (30 Jun 2010): 1 security, gangs and convicts; 2 recent entrants; 3 fugitives, re-entrants, fraud', () => {
  assert.equal(run('federal', '2010-07-01', { security: { gangMember: true } }).ero.priority, 'priority-1');
  assert.equal(run('federal', '2010-07-01', { convictions: [misdemeanor()] }).ero.priority, 'priority-1');
  assert.equal(run('federal', '2010-07-01', { immigration: { enteredWithoutInspection: true, entryDate: '2009-01-10' } }).ero.priority, 'priority-2');
  assert.equal(run('federal', '2010-07-01', { immigration: { enteredWithoutInspection: true, entryDate: '2001-01-10' } }).ero.priority, 'none');
  assert.equal(run('federal', '2010-07-01', { immigration: { finalRemovalOrder: true } }).ero.priority, 'priority-3');
  assert.equal(run('federal', '2010-07-01').ero.action, 'none');
  assert.equal(run('federal', '2010-07-01', { immigration: { illegalReentry: true } }).ero.action, 'I-247');
});

test('prosecutorial discretion (17 Jun 2011): a weighed checklist with the officer’s reasons', () => {
  const o: Overrides = {
    convictions: [misdemeanor()],
    person: { militaryService: true, victimOrWitness: true },
    ero: { reasons: 'veteran; witness in a pending prosecution' },
  };
  const before = run('federal', '2011-06-16', o).ero;
  assert.equal(before.discretion, null);
  assert.equal(before.action, 'I-247');
  const after = run('federal', '2011-06-17', o).ero;
  assert.equal(after.discretion!.score, 6);
  assert.deepEqual(after.discretion!.factors.map((f) => f.factor).sort(), ['military-service', 'victim-or-witness']);
  assert.equal(after.discretion!.officerReasons, 'veteran; witness in a pending prosecution');
  assert.equal(after.action, 'none');
  const gang = run('federal', '2011-06-17', { ...o, security: { gangMember: true } }).ero;
  assert.equal(gang.discretion!.score, 1);
  assert.equal(gang.action, 'I-247');
});

test('Dec 2012 criteria: detainers only in the listed categories', () => {
  assert.equal(run('federal', '2013-03-01').ero.action, 'none');
  assert.equal(run('federal', '2013-03-01', { convictions: [misdemeanor({ family: 'other' })] }).ero.action, 'none');
  assert.equal(run('federal', '2013-03-01', { convictions: [misdemeanor({ family: 'dui' })] }).ero.action, 'I-247');
  assert.equal(run('federal', '2013-03-01', { convictions: [misdemeanor(), misdemeanor(), misdemeanor()] }).ero.action, 'I-247');
  assert.equal(run('federal', '2013-03-01', { convictions: [felony()] }).ero.action, 'I-247');
  assert.equal(run('federal', '2013-03-01', { immigration: { priorRemovalOrder: true } }).ero.action, 'I-247');
  assert.equal(run('federal', '2013-03-01', { immigration: { fraud: true } }).ero.action, 'I-247');
  assert.equal(run('federal', '2013-03-01', { convictions: [misdemeanor({ family: 'illegal-entry' })] }).ero.action, 'I-247');
});

test('PEP (20 Nov 2014): notification by default, I-247D in special circumstances, I-247X for transfers', () => {
  assert.equal(run('federal', '2014-11-19', { convictions: [felony()] }).ero.action, 'I-247');
  const pep = run('federal', '2015-01-05', { convictions: [felony()] }).ero;
  assert.equal(pep.priority, 'priority-1');
  assert.equal(pep.action, 'I-247N');
  assert.equal(run('federal', '2015-01-05', { convictions: [felony()], ero: { specialCircumstances: true, probableCause: true } }).ero.action, 'I-247D');
  assert.equal(run('federal', '2015-01-05', { convictions: [felony()], ero: { specialCircumstances: true } }).ero.action, 'I-247N');
  assert.equal(run('federal', '2015-01-05', { convictions: [felony()], ero: { transferRequested: true } }).ero.action, 'I-247X');
  const traffic = [1, 2, 3].map(() => misdemeanor({ traffic: true, family: 'traffic' }));
  assert.equal(run('federal', '2015-01-05', { convictions: traffic }).ero.priority, 'none');
  assert.equal(run('federal', '2015-01-05', { convictions: [misdemeanor({ family: 'other', custodyDays: 90 })] }).ero.priority, 'priority-2');
  const entrant = run('federal', '2015-01-05', { immigration: { enteredWithoutInspection: true, entryDate: '2014-03-01' } }).ero;
  assert.equal(entrant.priority, 'priority-2');
  assert.equal(entrant.action, 'none');
  assert.equal(run('federal', '2015-01-05', { immigration: { finalRemovalOrder: true, removalOrderDate: '2013-06-01' } }).ero.priority, 'none');
  assert.equal(run('federal', '2015-01-05', { immigration: { finalRemovalOrder: true, removalOrderDate: '2014-06-01' } }).ero.priority, 'priority-3');
});

// ---------------------------------------------------------------- participation ---------------

test('participation: activation is dated, and a not-share request has effect only while opting out is allowed', () => {
  const il = run('us-il-cook', '2011-06-01').participation;
  assert.equal(il.notShareRequested, true);
  assert.equal(il.activated, false);
  assert.equal(il.sharing, false);
  const ny = run('us-ny', '2012-06-01').participation;
  assert.deepEqual([ny.activated, ny.notShareRequested, ny.optOutPolicy, ny.sharing], [true, true, 'mandatory', true]);
  assert.equal(run('us-ny', '2012-05-14').participation.sharing, false);
  assert.equal(run('us-ct', '2013-01-22').participation.sharing, true);
  assert.equal(run('us-ct', '2013-01-21').participation.sharing, false);
  assert.equal(run('us-tx-harris', '2008-10-27').participation.sharing, true);
  // Without a case (the CJIS hop) the answer is the same.
  for (const [j, d] of [['us-il-cook', '2011-06-01'], ['us-ny', '2012-06-01'], ['us-ma', '2011-07-01'], ['us-tx-harris', '2009-01-05']] as const) {
    assert.deepEqual(participationAt(book, j, d), run(j, d).participation, `${j} ${d}`);
  }
  assert.throws(() => participationAt(book, 'us-ny', '2007-01-01'), { code: 'SECCOM_POLICY_NOT_IN_FORCE' });

  // A jurisdiction activated in 2010 that asks out in 2011: the request works until 5 Aug 2011.
  const withdrawable = MINIMAL_FEDERAL.replace(
    'decide opt-out-policy first from 2008-10-27\n  values withdrawable mandatory\n  default withdrawable',
    'decide opt-out-policy first from 2008-10-27 until 2011-08-05\n  values withdrawable mandatory\n  default withdrawable\n  source "x"\n  status verified\ndecide opt-out-policy first from 2011-08-05\n  values withdrawable mandatory\n  default mandatory',
  );
  const county = `jurisdiction us-zz-a\nname "a"\nkind county\nsource "x"\nstatus verified\nevent activated 2010-03-01\n  cite "x"\nevent requested-not-share 2011-05-04\n  cite "y"\n`;
  const b = buildRuleBook([
    { file: 'f.policy', text: withdrawable },
    { file: 'a.policy', text: county },
  ]);
  const at = (d: string) => evaluateCase(b, facts(), { jurisdiction: 'us-zz-a', at: d }).participation;
  assert.equal(at('2011-05-03').sharing, true);
  assert.equal(at('2011-05-04').sharing, false);
  assert.equal(at('2011-08-05').sharing, true);
  assert.deepEqual(at('2011-08-05').reasons.map((r) => r.event), ['activated', 'requested-not-share', 'opt-out-policy']);

  // A jail's own dated records join the files' events and count as the nearest jurisdiction's.
  const record = (kind: 'activated' | 'requested-not-share' | 'withdrew-not-share', date: string) => ({ kind, date, jurisdiction: 'jail-a', cite: `${kind} (record)`, source: 'store' });
  assert.equal(participationAt(b, 'us-zz-a', '2010-02-01', [record('activated', '2010-01-15')]).sharing, true);
  const withdrawn = participationAt(b, 'us-zz-a', '2011-06-01', [record('withdrew-not-share', '2011-05-04')]);
  assert.equal(withdrawn.sharing, true, 'the record decides over the file on the same day');
  assert.deepEqual(withdrawn.reasons.at(-1), { jurisdiction: 'jail-a', event: 'withdrew-not-share', date: '2011-05-04', cite: 'withdrew-not-share (record)', file: 'store', line: null });
  assert.equal(participationAt(b, 'us-zz-a', '2011-06-01', [record('requested-not-share', '2011-05-20'), record('withdrew-not-share', '2011-05-04')]).sharing, false);
});

// ---------------------------------------------------------------- Connecticut -----------------

test('Connecticut TRUST Act 2014: each of the seven factors permits the hold; otherwise decline', () => {
  const at = '2015-03-02';
  const none = jail('us-ct', at, {});
  assert.equal(none.response, 'decline');
  assert.equal(none.hold, false);
  assert.equal(none.decidedBy, 'us-ct');
  const factors: Array<[string, Overrides]> = [
    ['felony-conviction', { convictions: [felony()] }],
    ['pending-charge-no-bond', { charges: [{ code: '53a-125', severity: 'misdemeanor', maxSentenceMonths: 6, state: 'CT' }] }],
    ['state-arrest-warrant', { warrants: [{ issuer: 'state', state: 'CT' }] }],
    ['gang-or-security-risk-group', { security: { securityRiskGroup: true } }],
    ['terrorist-screening', { security: { tsdbMatch: true } }],
    ['final-removal-order', { immigration: { finalRemovalOrder: true } }],
    ['public-safety-risk', { jail: { publicSafetyRisk: true, reasons: 'threats against a witness' } }],
  ];
  for (const [rule, o] of factors) {
    const r = jail('us-ct', at, o);
    assert.equal(r.response, 'honour', rule);
    assert.equal(r.hold, true, rule);
    const ct = r.explanation.find((t) => t.jurisdiction === 'us-ct' && t.decision === 'jail-response')!;
    assert.deepEqual(ct.fired.map((f) => f.rule), [rule]);
    assert.match(ct.fired[0]!.cite, /54-192h\(b\)/);
  }
  assert.equal(jail('us-ct', at, { charges: [{ code: 'x', severity: 'misdemeanor', maxSentenceMonths: 6, state: 'CT', bondPosted: true }] }).response, 'decline');
  assert.equal(jail('us-ct', at, { charges: [{ code: 'x', severity: 'misdemeanor', maxSentenceMonths: 6, state: 'NY' }] }).response, 'decline');
  const notify = jail('us-ct', at, { detainer: { form: 'I-247N' } });
  assert.deepEqual([notify.response, notify.hold, notify.notify], ['honour', false, true]);
  assert.equal(jail('us-ct', '2013-12-31', {}).response, 'honour');
});

test('Connecticut 2019 amendment: only a judicial warrant, a Class A/B felony or a TSDB match; notification restricted too', () => {
  const classD = { convictions: [felony({ class: 'D' })] };
  assert.equal(jail('us-ct', '2019-09-30', classD).response, 'honour');
  assert.equal(jail('us-ct', '2019-10-01', classD).response, 'decline');
  assert.equal(jail('us-ct', '2019-10-01', { convictions: [felony({ class: 'B' })] }).response, 'honour');
  assert.equal(jail('us-ct', '2019-10-01', { detainer: { form: 'I-247', judicialWarrant: true } }).response, 'honour');
  assert.equal(jail('us-ct', '2019-10-01', { security: { tsdbMatch: true } }).response, 'honour');
  assert.equal(jail('us-ct', '2019-10-01', { detainer: { form: 'I-247N' } }).response, 'decline');
  assert.equal(jail('us-ct', '2019-10-01', { security: { gangMember: true } }).response, 'decline');
  const v2025 = jail('us-ct', '2025-10-01', { convictions: [felony({ class: 'A' })] });
  assert.equal(v2025.response, 'honour');
  assert.equal(v2025.explanation.find((t) => t.jurisdiction === 'us-ct' && t.decision === 'jail-response')!.version.status, 'unverified');
});

test('Connecticut holds last 48 hours absolute; the federal default skips weekends and holidays', () => {
  const o: Overrides = { booking: { releaseAt: '2015-07-02T16:00:00-04:00' }, convictions: [felony()] };
  const ct = run('us-ct', '2015-07-01', { ...o, detainer: { form: 'I-247' } });
  assert.equal(ct.jail!.clockRule, 'absolute');
  assert.equal(ct.clock!.expiresAt, '2015-07-04T16:00:00-04:00');
  const fed = run('federal', '2015-07-01', { ...o, detainer: { form: 'I-247' } });
  assert.equal(fed.clock!.expiresAt, '2015-07-07T16:00:00-04:00');
  assert.deepEqual(fed.clock!.excluded.map((x) => x.date), ['2015-07-03', '2015-07-04', '2015-07-05']);
});

// ---------------------------------------------------------------- California ------------------

test('California TRUST Act 2014: listed convictions, registrants, warrants and charges permit a hold', () => {
  const at = '2016-03-01';
  const cases: Array<[string, Overrides]> = [
    ['serious-or-violent-felony', { convictions: [felony({ caSerious: true, state: 'CA' })] }],
    ['state-prison-felony', { convictions: [felony({ statePrison: true, state: 'CA' })] }],
    ['listed-felony-within-15-years', { convictions: [felony({ family: 'burglary', date: '2002-01-10' })] }],
    ['listed-wobbler-within-5-years', { convictions: [misdemeanor({ family: 'assault', wobbler: true, date: '2012-01-10' })] }],
    ['current-registrant', { person: { arsonRegistrant: true } }],
    ['federal-aggravated-felony', { convictions: [felony({ federal: true, aggravatedFelony: true })] }],
    ['federal-felony-warrant', { warrants: [{ issuer: 'federal', felony: true }] }],
    ['charged-with-probable-cause', { charges: [{ code: '211', severity: 'felony', maxSentenceMonths: 72, caSerious: true, probableCauseFinding: true }] }],
  ];
  for (const [rule, o] of cases) {
    const r = jail('us-ca', at, o);
    assert.equal(r.response, 'honour', rule);
    const criteria = r.explanation.find((t) => t.decision === 'ca-7282-5')!;
    assert.deepEqual(criteria.fired.map((f) => f.rule), [rule]);
  }
  assert.equal(jail('us-ca', at, {}).response, 'decline');
  assert.equal(jail('us-ca', at, { convictions: [felony({ family: 'burglary', date: '2000-01-10' })] }).response, 'decline');
  assert.equal(jail('us-ca', at, { convictions: [misdemeanor({ family: 'assault', wobbler: true, date: '2010-01-10' })] }).response, 'decline');
  assert.equal(jail('us-ca', at, { convictions: [misdemeanor({ family: 'dui', wobbler: true, date: '2015-01-10' })] }).response, 'decline');
  assert.equal(jail('us-ca', at, { charges: [{ code: '211', severity: 'felony', maxSentenceMonths: 72, caSerious: true }] }).response, 'decline');
  assert.equal(jail('us-ca', at, { detainer: { form: 'I-247N' } }).response, 'honour');
});

test('California Values Act 2018: no holds; notification and transfer only in the listed cases or with a judicial warrant', () => {
  const listed = { convictions: [felony({ caViolent: true, state: 'CA' })] };
  const hold = jail('us-ca', '2018-01-01', listed);
  assert.deepEqual([hold.response, hold.hold, hold.notify], ['notify-only', false, true]);
  assert.equal(jail('us-ca', '2017-12-31', listed).response, 'honour');
  assert.equal(jail('us-ca', '2018-01-01', {}).response, 'decline');
  assert.equal(jail('us-ca', '2018-01-01', { ...listed, detainer: { form: 'I-247N' } }).response, 'honour');
  assert.equal(jail('us-ca', '2018-01-01', { detainer: { form: 'I-247N' } }).response, 'decline');
  const transfer = jail('us-ca', '2018-01-01', { detainer: { form: 'I-247X', judicialWarrant: true } });
  assert.deepEqual([transfer.response, transfer.transfer, transfer.hold], ['honour', true, false]);
});

// ---------------------------------------------------------------- Cook County -----------------

test('Cook County 11-O-73: decline every detainer and notification unless reimbursement is agreed in writing', () => {
  const r = jail('us-il-cook', '2012-01-05', { convictions: [felony()] });
  assert.deepEqual([r.response, r.decidedBy], ['decline', 'us-il-cook']);
  assert.equal(jail('us-il-cook', '2012-01-05', { detainer: { form: 'I-247', reimbursementAgreed: true } }).response, 'honour');
  assert.equal(jail('us-il-cook', '2015-01-05', { detainer: { form: 'I-247N', reimbursementAgreed: true } }).response, 'decline');
  assert.equal(jail('us-il-cook', '2011-09-06', {}).response, 'honour');
});

// ---------------------------------------------------------------- safeguards ------------------

test('a claim of US citizenship: no action, no hold, no clock, escalation', () => {
  const d = run('us-ct', '2015-03-02', {
    convictions: [felony()],
    person: { citizenshipClaimAt: '2015-03-02T11:00:00-05:00' },
    booking: { releaseAt: '2015-03-03T10:00:00-05:00' },
    detainer: { form: 'I-247' },
  });
  assert.equal(d.ero.action, 'none');
  assert.equal(d.ero.escalation, 'us-citizenship-claim');
  assert.equal(d.jail!.response, 'decline');
  assert.equal(d.jail!.hold, false);
  assert.equal(d.jail!.safeguards[0]!.id, 'us-citizenship-claim');
  assert.equal(d.clock, null);
  const citizen = run('federal', '2009-06-01', { immigration: { status: 'us-citizen' } }).ero;
  assert.equal(citizen.action, 'none');
  assert.match(citizen.safeguards[0]!.effect, /rules gave I-247/);
});

// ---------------------------------------------------------------- explanation, what-if, errors

test('the same case twice gives the same decision and the same explanation', () => {
  const o: Overrides = { convictions: [felony(), misdemeanor({ family: 'dui' })], person: { usFamilyTies: 1 }, detainer: { form: 'I-247' }, booking: { releaseAt: '2013-12-24T08:00:00-05:00' } };
  const a = run('us-ct', '2013-12-20', o);
  const b = run('us-ct', '2013-12-20', o);
  assert.deepEqual(a, b);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const fired = a.ero.explanation.find((t) => t.decision === 'conviction-level')!.fired[0]!;
  assert.equal(fired.rule, 'felony');
  assert.deepEqual(fired.facts[0]!.items, ['convictions[0] 2010-05-01 53a-101']);
});

test('what-if: the same case under other jurisdictions and dates', () => {
  const f = facts({ convictions: [felony({ class: 'C', state: 'CT' })], detainer: { form: 'I-247' } });
  const rs = whatIf(book, f, [
    { jurisdiction: 'us-ct', at: '2015-03-02' },
    { jurisdiction: 'us-ct', at: '2020-03-02' },
    { jurisdiction: 'us-ca', at: '2019-03-02' },
    { jurisdiction: 'us-il-cook', at: '2015-03-02' },
    { jurisdiction: 'federal', at: '2015-03-02' },
  ]);
  assert.deepEqual(rs.map((r) => r.jail!.response), ['honour', 'decline', 'decline', 'decline', 'honour']);
});

test('bad input: unknown jurisdiction, a date before every rule set, a malformed case', () => {
  assert.throws(() => run('us-xx', '2015-01-01'), { code: 'SECCOM_POLICY_UNKNOWN_JURISDICTION' });
  assert.throws(() => run('federal', '2005-01-01'), (e: { code: string; message: string }) => e.code === 'SECCOM_POLICY_NOT_IN_FORCE' && /2008-10-27/.test(e.message));
  assert.throws(() => run('federal', '2015-02-30'), { code: 'SECCOM_POLICY_TIME_INVALID' });
  assert.throws(
    () => parseCaseFacts({ caseId: 'x', booking: { jurisdiction: 'us-ct', timeZone: 'America/New_York', bookedAt: '2015-01-01T00:00:00Z' }, convictions: [{ code: 'x', severity: 'felony' }] }),
    (e: { code: string; location: { field: string } }) => e.code === 'SECCOM_POLICY_CASE_INVALID' && e.location.field === 'convictions.0.maxSentenceMonths',
  );
});
