import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IarBody } from '../domain/lesc.ts';
import type { EroCase } from './ports.ts';
import { loadRuleBook } from '../policy/index.ts';
import { caseFactsFor, ruleBookPolicy } from './rule-book-policy.ts';

const policy = ruleBookPolicy({ timeZoneOf: (c) => (c.rulesetId === 'federal' ? 'America/Chicago' : undefined) });

function iar(o: Partial<IarBody> = {}, convictions: IarBody['criminalHistory']['convictions'] = []): IarBody {
  return {
    status: 'overstay',
    aNumber: null,
    fin: 'FIN-SYN-1',
    biographics: { familyName: 'SYNTHETIC', givenName: 'PERSON', dob: '1980-01-01', sex: 'M', pob: 'MX' },
    encounters: [],
    priorRemovalOrder: false,
    criminalHistory: { fbiNumber: null, convictions, highestLevel: null },
    ...o,
  };
}
const felonyConviction = { offense: 'burglary (synthetic)', ncic: '2299', level: 2 as const, felony: true, aggravated: false, convictedOn: '2009-04-01' };

function eroCase(rulesetId: string, at: string, release: string, o: Partial<EroCase> = {}): EroCase {
  return {
    bookingId: 'B-SYN-1',
    rulesetId,
    at: new Date(at),
    arrestedAt: new Date(at),
    releaseDueAt: new Date(release),
    charges: [{ offense: 'assault (synthetic)', ncic: '1399', level: 3, felony: false }],
    iar: iar({}, [felonyConviction]),
    ...o,
  };
}

test('ERO: the rule book decides levels, priority and action, and says which rules fired', () => {
  const d = policy.ero(eroCase('us-ct', '2013-03-04T15:00:00Z', '2013-03-05T15:00:00Z'));
  assert.equal(d.action, 'I-247');
  assert.equal(d.chargeLevel, 3);
  assert.equal(d.convictionLevel, 2);
  assert.equal(d.priority, 1);
  assert.match(d.reason, /dec-2012-criteria=met \(felony, policies\/federal\.policy:\d+; significant-misdemeanor/);
  // The whole explanation comes with the outcome, to be stored with the decision.
  assert.equal(d.explanation?.action, 'I-247');
  const criteria = d.explanation?.explanation.find((t) => t.decision === 'dec-2012-criteria');
  assert.deepEqual(criteria?.fired.map((f) => f.rule), ['felony', 'significant-misdemeanor']);
  assert.ok(criteria?.fired.every((f) => f.cite && f.line > 0 && f.facts.length > 0));
  const citizen = policy.ero(eroCase('us-ct', '2013-03-04T15:00:00Z', '2013-03-05T15:00:00Z', { iar: iar({ status: 'naturalized' }, [felonyConviction]) }));
  assert.equal(citizen.action, 'none');
  const pep = policy.ero(eroCase('federal', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z'));
  assert.equal(pep.action, 'I-247N');
});

test('jail: Connecticut holds 48 hours absolute, the federal default skips the holiday weekend, Cook County declines', () => {
  const release = '2015-07-02T20:00:00Z'; // Thursday 16:00 in New York, 15:00 in Chicago
  const ct = policy.jail(eroCase('us-ct', '2015-07-01T15:00:00Z', release), 'I-247');
  assert.deepEqual([ct.response, ct.hold, ct.holdExpiresAt?.toISOString()], ['honour', true, '2015-07-04T20:00:00.000Z']);
  assert.match(ct.reason, /felony-conviction/);
  const fed = policy.jail(eroCase('federal', '2015-07-01T15:00:00Z', release), 'I-247');
  assert.equal(fed.holdExpiresAt?.toISOString(), '2015-07-07T20:00:00.000Z');
  const cook = policy.jail(eroCase('us-il-cook', '2015-07-01T15:00:00Z', release), 'I-247');
  assert.deepEqual([cook.response, cook.hold, cook.holdExpiresAt], ['decline', false, null]);
});

test('bail as recorded: a pending Connecticut charge without bond permits the hold (2014); unknown bail counts as posted', () => {
  const c = eroCase('us-ct', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z', { iar: iar() });
  assert.equal(policy.jail(c, 'I-247').response, 'decline');
  const noBond = policy.jail({ ...c, charges: [{ ...c.charges[0]!, bondPosted: false }] }, 'I-247');
  assert.equal(noBond.response, 'honour');
  assert.equal(noBond.explanation?.explanation.find((t) => t.decision === 'jail-response' && t.jurisdiction === 'us-ct')?.fired[0]?.rule, 'pending-charge-no-bond');
  assert.equal(policy.jail({ ...c, iar: iar({ priorRemovalOrder: true }) }, 'I-247').response, 'honour');
});

test('the records carry what the rules read: felony classes, maxima, warrants, file hits, registrations, claims', () => {
  const book = loadRuleBook();
  const at = '2020-03-04T15:00:00Z';
  const release = '2020-03-05T15:00:00Z';
  const classB = { offense: 'robbery (synthetic)', ncic: '1299', level: 1 as const, felony: true, aggravated: false, convictedOn: '2012-04-01', maxMonths: 240, felonyClass: 'B', federal: false };
  // Connecticut 2019: a Class B felony conviction, a judicial warrant, or a terrorist-screening hit.
  assert.equal(policy.jail(eroCase('us-ct', at, release, { iar: iar({}, [classB]) }), 'I-247N').response, 'honour');
  assert.equal(policy.jail(eroCase('us-ct', at, release, { iar: iar({}, [{ ...classB, felonyClass: 'C' }]) }), 'I-247N').response, 'decline');
  const federalWarrant = { issuer: 'federal' as const, state: null, judicial: true, felony: true, immigration: false, description: 'synthetic', issuedOn: '2019-01-01' };
  const withWarrant = iar({ criminalHistory: { fbiNumber: '1', convictions: [], highestLevel: null, warrants: [federalWarrant] } });
  assert.equal(policy.jail(eroCase('us-ct', at, release, { iar: withWarrant }), 'I-247N').response, 'honour');
  const flags = { gangMember: false, tsdbMatch: true, securityRiskGroup: false, sexRegistrant: true, arsonRegistrant: false };
  const flagged = iar({ criminalHistory: { fbiNumber: '1', convictions: [], highestLevel: null, flags } });
  assert.equal(policy.jail(eroCase('us-ct', at, release, { iar: flagged }), 'I-247N').response, 'honour');
  // California 2014: a current registrant, or a federal felony warrant, meets 7282.5(a).
  assert.equal(policy.jail(eroCase('us-ca', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z', { iar: flagged }), 'I-247').response, 'honour');
  assert.equal(policy.jail(eroCase('us-ca', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z', { iar: withWarrant }), 'I-247').response, 'honour');

  const facts = caseFactsFor(book, eroCase('us-ct', at, release, { iar: withWarrant, citizenshipClaimAt: new Date(at) }), 'America/New_York', 'I-247X');
  assert.deepEqual([facts.detainer?.judicialWarrant, facts.person.citizenshipClaimAt, facts.warrants[0]?.issuer], [true, '2020-03-04T15:00:00.000Z', 'federal']);
  // A record without a statutory maximum gets one that reproduces its level.
  assert.deepEqual(caseFactsFor(book, eroCase('us-ct', at, release), 'America/New_York').charges.map((x) => x.maxSentenceMonths), [6]);
  assert.deepEqual(caseFactsFor(book, eroCase('us-ct', at, release, { iar: iar({}, [classB]) }), 'America/New_York').convictions.map((x) => [x.maxSentenceMonths, x.class, x.caSerious]), [[240, 'B', true]]);
});

test('a claim of US citizenship: no ICE action, the jail declines, the explanation records the safeguard and the escalation', () => {
  const c = eroCase('us-tx-harris', '2013-03-04T15:00:00Z', '2013-03-05T15:00:00Z', { citizenshipClaimAt: new Date('2013-03-04T14:00:00Z') });
  const ero = policy.ero(c);
  assert.equal(ero.action, 'none');
  assert.equal(ero.explanation?.escalation, 'us-citizenship-claim');
  assert.match(ero.reason, /safeguard us-citizenship-claim: action none \(the rules gave I-247\)/);
  const jail = policy.jail(c, 'I-247');
  assert.deepEqual([jail.response, jail.hold, jail.explanation?.safeguards[0]?.id], ['decline', false, 'us-citizenship-claim']);
});

test('a county file gives the jail its time zone (Harris County, Texas)', () => {
  const tx = ruleBookPolicy().jail(eroCase('us-tx-harris', '2012-03-05T15:00:00Z', '2012-03-09T23:00:00Z'), 'I-247');
  // Friday 17:00 CST in Houston: the weekend (with the switch to CDT) is skipped → Tuesday 17:00 CDT.
  assert.equal(tx.holdExpiresAt?.toISOString(), '2012-03-13T22:00:00.000Z');
});

test('a jail without a known time zone is an error, not a guess', () => {
  assert.throws(() => ruleBookPolicy().ero(eroCase('federal', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z')), { code: 'SECCOM_POLICY_TIME_INVALID' });
});
