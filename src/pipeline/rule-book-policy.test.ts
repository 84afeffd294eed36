import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IarBody } from '../domain/lesc.ts';
import type { EroCase } from './ports.ts';
import { ruleBookPolicy } from './rule-book-policy.ts';

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

test('at the otherwise-release time a pending charge no longer holds anyone (Connecticut 2014)', () => {
  const c = eroCase('us-ct', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z', { iar: iar() });
  assert.equal(policy.jail(c, 'I-247').response, 'decline');
  assert.equal(policy.jail({ ...c, iar: iar({ priorRemovalOrder: true }) }, 'I-247').response, 'honour');
});

test('a county file gives the jail its time zone (Harris County, Texas)', () => {
  const tx = ruleBookPolicy().jail(eroCase('us-tx-harris', '2012-03-05T15:00:00Z', '2012-03-09T23:00:00Z'), 'I-247');
  // Friday 17:00 CST in Houston: the weekend (with the switch to CDT) is skipped → Tuesday 17:00 CDT.
  assert.equal(tx.holdExpiresAt?.toISOString(), '2012-03-13T22:00:00.000Z');
});

test('a jail without a known time zone is an error, not a guess', () => {
  assert.throws(() => ruleBookPolicy().ero(eroCase('federal', '2015-03-04T15:00:00Z', '2015-03-05T15:00:00Z')), { code: 'SECCOM_POLICY_TIME_INVALID' });
});
