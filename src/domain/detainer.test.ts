import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, DETAINER_STATES, isTerminal, jailActs, transition, type DetainerState } from './detainer.ts';

const expected: Record<DetainerState, DetainerState[]> = {
  requested: ['lodged', 'cancelled'],
  lodged: ['honoured', 'declined', 'cancelled'],
  honoured: ['custody_transferred', 'lapsed', 'cancelled', 'notified'],
  declined: ['released', 'notified'],
  lapsed: ['released'],
  cancelled: ['released'],
  notified: ['released'],
  custody_transferred: [],
  released: [],
};

test('every pair of states is allowed exactly as DOMAIN.md §4 draws the machine', () => {
  for (const from of DETAINER_STATES) {
    for (const to of DETAINER_STATES) {
      assert.equal(canTransition(from, to), expected[from].includes(to), `${from} → ${to}`);
    }
  }
});

test('custody transferred and released are terminal; nothing goes back to requested', () => {
  assert.deepEqual(DETAINER_STATES.filter(isTerminal), ['custody_transferred', 'released']);
  for (const from of DETAINER_STATES) assert.equal(canTransition(from, 'requested'), false);
});

test('a forbidden transition is a typed error naming the detainer and the states', () => {
  assert.equal(transition('D-1', 'honoured', 'lapsed'), 'lapsed');
  assert.throws(
    () => transition('D-1', 'lapsed', 'honoured'),
    (e: unknown) => {
      const err = e as { code: string; message: string; details: { allowed: string[] } };
      assert.equal(err.code, 'SECCOM_DETAINER_TRANSITION');
      assert.match(err.message, /D-1 cannot go from lapsed to honoured/);
      assert.deepEqual(err.details.allowed, ['released']);
      return true;
    },
  );
});

test('the jail acts on an answer as the request asks: hold, notify or transfer at release', () => {
  assert.deepEqual(jailActs('I-247', 'honour'), { hold: true, atRelease: 'release' });
  assert.deepEqual(jailActs('I-247D', 'notify-only'), { hold: false, atRelease: 'notify' });
  assert.deepEqual(jailActs('I-247D', 'decline'), { hold: false, atRelease: 'release' });
  assert.deepEqual(jailActs('I-247N', 'honour'), { hold: false, atRelease: 'notify' });
  assert.deepEqual(jailActs('I-247N', 'decline'), { hold: false, atRelease: 'release' });
  assert.deepEqual(jailActs('I-247X', 'honour'), { hold: false, atRelease: 'transfer' });
  assert.deepEqual(jailActs('I-247X', 'notify-only'), { hold: false, atRelease: 'notify' });
});
