import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog, citizenshipClaims, consoleDecisions, iceDecisions, jailResponses } from '../../store/schema/index.ts';
import { call, openTestApi, problem, signIn, type Caller, type TestApi } from '../../../test/support/api.ts';
import { counties, people, runPipeline, seedConsoleWorld, submission, worldPassword, type ConsoleWorld, type WorldUser } from '../../../test/support/console-world.ts';
import type { BookingDetail } from '../contract/bookings.ts';
import type { StatsView } from '../contract/stats.ts';
import type { CaseView, QueueItem } from '../contract/steps.ts';

describe('API: the human steps (LESC IAR, ERO decision, jail answer)', () => {
  let t: TestApi;
  let world: ConsoleWorld;
  const ids: Record<'queued' | 'fugitive' | 'claimant', string> = { queued: '', fugitive: '', claimant: '' };
  const as: Partial<Record<WorldUser, Caller>> = {};
  const user = async (name: WorldUser) => (as[name] ??= await signIn(t.app, name, worldPassword));
  const get = async <T>(name: WorldUser, url: string) => {
    const res = await call(t.app, 'GET', url, await user(name));
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as T;
  };
  const post = async (name: WorldUser, url: string, body: unknown) => call(t.app, 'POST', url, await user(name), body);
  const iar = { status: 'overstay', aNumber: 'A023456789', priorRemovalOrder: false, citizenshipClaim: false, remarks: 'checked CIS and EID' };

  before(async () => {
    t = await openTestApi();
    // New Haven works every step in the console; Cook County its ERO decisions and jail answers.
    world = await seedConsoleWorld(t.ctx, t.clock, {
      steps: { lesc: [counties.newHaven.id], ero: [counties.newHaven.id, counties.cook.id], jail: [counties.newHaven.id, counties.cook.id] },
    });
    const now = t.clock.now();
    const done = await world.pipeline.submit([
      submission(people.queued, counties.newHaven, now, 6),
      submission(people.fugitive, counties.cook, now, 6),
      submission(people.claimant, counties.newHaven, now, 6),
    ]);
    [ids.queued, ids.fugitive, ids.claimant] = done.map((d) => d.bookingId) as [string, string, string];
    await runPipeline(world.pipeline, t.clock, new Date(now.getTime() + 3_600_000));
  });
  after(() => t.close());

  test('the LESC queue: oldest first, time in queue, IAQ text; hidden from everyone else until sent', async () => {
    const q = await get<{ items: QueueItem[] }>('analyst', '/api/queues/lesc');
    assert.deepEqual(q.items.map((i) => i.bookingId).sort(), [ids.queued, ids.claimant].sort());
    assert.ok(q.items.every((i) => i.iaqText?.startsWith('IAQ.') && i.waitingMs >= 0));
    assert.ok(q.items[0]!.openedAt <= q.items[1]!.openedAt);
    assert.equal((await get<{ items: QueueItem[] }>('analyst', `/api/queues/lesc?q=${encodeURIComponent('ALVAREZ')}`)).items.length, 1);

    const jail = await get<BookingDetail>('newhaven', `/api/bookings/${ids.queued}`);
    assert.equal(jail.iar, null, "the jail does not see the analyst's draft");
    assert.equal(jail.status, 'Awaiting the LESC analyst (IAQ received)');
    const draft = await get<BookingDetail>('analyst', `/api/bookings/${ids.queued}`);
    assert.equal(draft.iar?.pending, true);
    assert.equal(draft.actions.answerIaq, true);
    assert.equal((await call(t.app, 'GET', `/api/bookings/${ids.queued}`, await user('ero'))).statusCode, 404, 'ERO sees it only once the IAR is sent');

    assert.equal((await call(t.app, 'GET', '/api/queues/lesc')).statusCode, 401);
    assert.equal(problem(await call(t.app, 'GET', '/api/queues/lesc', await user('newhaven'))).code, 'SECCOM_FORBIDDEN');
    assert.equal(problem(await post('ero', `/api/bookings/${ids.queued}/iar`, iar)).code, 'SECCOM_FORBIDDEN');
  });

  test('the analyst sends the IAR: audited as the user, once only, on to ERO', async () => {
    const bad = await post('analyst', `/api/bookings/${ids.queued}/iar`, { ...iar, aNumber: '12' });
    assert.equal(bad.statusCode, 422);
    assert.equal(problem(bad).code, 'SECCOM_REQUEST_INVALID');
    assert.equal((await post('analyst', `/api/bookings/${ids.queued}/iar`, iar)).statusCode, 204);
    const again = await post('analyst', `/api/bookings/${ids.queued}/iar`, iar);
    assert.equal(again.statusCode, 409);
    assert.equal(problem(again).code, 'SECCOM_CONFLICT');
    assert.equal(problem(await post('analyst', '/api/bookings/B-NOSUCH/iar', iar)).code, 'SECCOM_NOT_FOUND');

    const updates = await t.store.db.select().from(auditLog).where(and(eq(auditLog.entity, 'iars'), eq(auditLog.actor, 'user:analyst')));
    assert.equal(updates.length, 1);
    const closed = await t.store.db.select().from(auditLog).where(and(eq(auditLog.entity, 'console_tasks'), eq(auditLog.action, 'update'), eq(auditLog.entityId, `lesc/${ids.queued}`)));
    assert.deepEqual(closed.map((e) => e.actor), ['user:analyst'], 'closing the task is audited once, as the user');
    const d = await get<BookingDetail>('newhaven', `/api/bookings/${ids.queued}`);
    assert.equal(d.iar?.analyst, 'analyst');
    assert.equal(d.iar?.pending, false);
    const ero = await get<{ items: QueueItem[] }>('ero', '/api/queues/ero');
    assert.ok(ero.items.some((i) => i.bookingId === ids.queued));
  });

  test("the ERO decision screen: facts, levels, priority, the rules' recommendation and what the jail would answer", async () => {
    const c = await get<CaseView>('ero', `/api/bookings/${ids.queued}/case`);
    assert.equal(c.facts.immigrationStatus, 'overstay');
    assert.equal(c.assessment.convictionLevel, 'level-2');
    assert.equal(c.assessment.priority, 'priority-1');
    assert.equal(c.assessment.recommended, 'I-247');
    assert.deepEqual(c.allowedActions, ['I-247', 'none'], 'the 2012 forms: a detainer or nothing');
    assert.ok(c.assessment.rules.length > 0 && c.assessment.rules.every((r) => r.cite.length > 0));
    assert.equal(c.jailPreview?.response, 'honour');
    assert.ok(c.waitingSince);
    assert.equal(problem(await call(t.app, 'GET', `/api/bookings/${ids.queued}/case`, await user('newhaven'))).code, 'SECCOM_FORBIDDEN');
  });

  test('the officer decides through the ERO stage; the jail then answers through the jail stage', async () => {
    const notAllowed = await post('ero', `/api/bookings/${ids.queued}/decision`, { action: 'I-247N', reason: 'notify only' });
    assert.equal(problem(notAllowed).code, 'SECCOM_DECISION_NOT_ALLOWED');
    assert.equal((await post('ero', `/api/bookings/${ids.queued}/decision`, { action: 'I-247', reason: 'priority 1, level 2 conviction' })).statusCode, 204);
    const [decision] = await t.store.db.select().from(iceDecisions).where(eq(iceDecisions.bookingId, ids.queued));
    assert.equal(decision?.action, 'I-247');
    assert.match(decision!.reason, /decided by user:ero/);

    const lodged = await get<BookingDetail>('newhaven', `/api/bookings/${ids.queued}`);
    assert.equal(lodged.detainer?.state, 'lodged', 'the detainer waits for the jail');
    assert.equal(lodged.actions.respond, true);
    assert.deepEqual(lodged.jailChoices, ['honour', 'notify-only', 'decline']);
    assert.ok(lodged.jailRules && lodged.jailRules.outcome.startsWith('honour'));
    const detainerId = lodged.detainer!.id;

    const other = await post('hartford', `/api/detainers/${detainerId}/response`, { response: 'decline', reason: 'not ours' });
    const missing = await post('hartford', '/api/detainers/D-NOSUCH/response', { response: 'decline', reason: 'not ours' });
    assert.equal(other.statusCode, 404);
    assert.equal(problem(other).detail.replace(detainerId, 'X'), problem(missing).detail.replace('D-NOSUCH', 'X'));

    const waiting = await get<{ items: QueueItem[] }>('newhaven', '/api/queues/jail');
    assert.deepEqual(waiting.items.map((i) => [i.bookingId, i.detainerId]), [[ids.queued, detainerId]]);
    assert.equal(problem(await call(t.app, 'GET', '/api/queues/jail', await user('analyst'))).code, 'SECCOM_FORBIDDEN');
    assert.deepEqual((await get<{ items: QueueItem[] }>('hartford', '/api/queues/jail')).items, [], "another county's detainer is not in the queue");
    assert.equal((await post('newhaven', `/api/detainers/${detainerId}/response`, { response: 'honour', reason: 'felony conviction on record' })).statusCode, 204);

    const held = await get<BookingDetail>('newhaven', `/api/bookings/${ids.queued}`);
    assert.equal(held.detainer?.state, 'honoured');
    assert.ok(held.holdExpiresAt);
    // The explanations shown are the engine's answers stored with the records, not asked again.
    assert.equal(held.decision?.explanation?.outcome, 'I-247');
    assert.ok(held.decision!.explanation!.rules.some((r) => r.rule.startsWith('action: ')));
    assert.match(held.jail?.explanation?.outcome ?? '', /^honour the I-247 \(hold/);
    assert.ok(held.jail!.explanation!.notes.some((n) => n.startsWith('Detainer clock')), "the hold's clock is explained");
    assert.equal(held.jailRules, null, 'an answered detainer needs no fresh advice');
    const decided = await get<CaseView>('ero', `/api/bookings/${ids.queued}/case`);
    assert.equal(decided.assessment.recorded, true);
    assert.equal(decided.jailPreview?.response, 'honour');
    const [answer] = await t.store.db.select().from(jailResponses).where(eq(jailResponses.bookingId, ids.queued));
    assert.match(answer!.reason, /answered by user:newhaven/);
    const mine = await t.store.db.select().from(consoleDecisions).where(eq(consoleDecisions.bookingId, ids.queued));
    assert.deepEqual(mine.map((d) => [d.step, d.decidedBy]), [
      ['lesc', 'user:analyst'],
      ['ero', 'user:ero'],
      ['jail', 'user:newhaven'],
    ]);
    const again = await post('newhaven', `/api/detainers/${detainerId}/response`, { response: 'decline', reason: 'changed my mind' });
    assert.equal(problem(again).code, 'SECCOM_CONFLICT');
  });

  test('a jail cannot hold where its local law forbids it (Cook County)', async () => {
    assert.equal((await call(t.app, 'GET', `/api/bookings/${ids.fugitive}/case`, await user('ero'))).statusCode, 404, 'a Connecticut officer does not see Illinois cases');
    const c = await get<CaseView>('eroil', `/api/bookings/${ids.fugitive}/case`);
    assert.equal(c.assessment.recommended, 'I-247');
    assert.equal(c.assessment.convictionLevel, 'none');
    assert.equal(c.jailPreview?.response, 'decline', 'Cook County Ordinance 11-O-73');
    assert.equal((await post('eroil', `/api/bookings/${ids.fugitive}/decision`, { action: 'I-247', reason: 'prior removal order' })).statusCode, 204);
    const lodged = await get<BookingDetail>('cook', `/api/bookings/${ids.fugitive}`);
    assert.deepEqual(lodged.jailChoices, ['decline']);
    const honour = await post('cook', `/api/detainers/${lodged.detainer!.id}/response`, { response: 'honour', reason: 'hold anyway' });
    assert.equal(honour.statusCode, 422);
    assert.equal(problem(honour).code, 'SECCOM_DECISION_NOT_ALLOWED');
    assert.equal((await post('cook', `/api/detainers/${lodged.detainer!.id}/response`, { response: 'decline', reason: 'County ordinance 11-O-73' })).statusCode, 204);
    const declined = await get<BookingDetail>('cook', `/api/bookings/${ids.fugitive}`);
    assert.equal(declined.detainer?.state, 'declined');
    assert.equal(declined.jail?.decision, 'decline');
  });

  test('a citizenship claim recorded by LESC stops any detainer and escalates', async () => {
    assert.equal((await post('analyst', `/api/bookings/${ids.claimant}/iar`, { ...iar, aNumber: null, citizenshipClaim: true, remarks: 'claims birth in San Juan' })).statusCode, 204);
    const [claim] = await t.store.db.select().from(citizenshipClaims).where(eq(citizenshipClaims.bookingId, ids.claimant));
    assert.equal(claim?.madeTo, 'lesc');
    assert.equal(claim?.recordedBy, 'user:analyst');
    const c = await get<CaseView>('ero', `/api/bookings/${ids.claimant}/case`);
    assert.ok(c.facts.citizenshipClaimAt);
    assert.equal(c.citizenshipClaim?.madeTo, 'lesc');
    assert.equal(c.assessment.recorded, false, 'a waiting case shows the rules now');
    assert.equal(c.assessment.recommended, 'none');
    assert.equal(c.assessment.escalation, 'us-citizenship-claim');
    assert.deepEqual(c.allowedActions, ['none']);
    const refused = await post('ero', `/api/bookings/${ids.claimant}/decision`, { action: 'I-247', reason: 'ignore the claim' });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual((problem(refused).details as { allowed: string[] }).allowed, ['none']);
    assert.equal((await post('ero', `/api/bookings/${ids.claimant}/decision`, { action: 'none', reason: 'citizenship claim: escalated to the field office' })).statusCode, 204);
    const d = await get<BookingDetail>('newhaven', `/api/bookings/${ids.claimant}`);
    assert.equal(d.outcome, 'no_action');
    assert.equal(d.citizenshipClaim?.note, 'claims birth in San Juan');
    assert.deepEqual(d.escalations.map((e) => e.reason), ['us-citizenship-claim'], 'ERO escalated the claim when it decided');
    assert.ok(d.decision?.explanation?.notes.some((n) => n.startsWith('Safeguard')), 'the stored explanation names the safeguard');
    const stats = await get<StatsView>('inspector', '/api/stats');
    assert.equal(stats.totals.citizenshipClaims, 1, 'the claim is counted for oversight');
    assert.deepEqual(
      stats.escalations.map((e) => [e.bookingId, e.reason, e.madeTo]),
      [[ids.claimant, 'us-citizenship-claim', 'lesc']],
      'and listed among the escalated cases',
    );
    assert.match(stats.escalations[0]!.raisedAt, /-05:00$/, "in New Haven's time zone");
    assert.deepEqual((await get<StatsView>('board', '/api/stats')).escalations, [], "Hartford's board does not see New Haven's case");
  });

  // Bounded: a change that never arrives fails here instead of holding the run (the hub polls every second).
  test('live updates: a change made right after connecting reaches the streams that may see it, and only those', { timeout: 30_000 }, async () => {
    assert.equal((await call(t.app, 'GET', '/api/events')).statusCode, 401);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const open = async (name: WorldUser) => {
      const res = await fetch(`${base}/api/events`, { headers: { cookie: (await user(name)).cookie! } });
      assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      return {
        /** Reads until `needle` appears (the test's own timeout bounds the wait); a stream that ends first fails. */
        async until(needle: string): Promise<string> {
          while (!text.includes(needle)) {
            const { done, value } = await reader.read();
            if (done) assert.fail(`the stream ended before ${needle} arrived; it carried: ${text}`);
            text += decoder.decode(value, { stream: true });
          }
          return text;
        },
        seen: () => text,
        close: () => reader.cancel(),
      };
    };
    const mine = await open('newhaven');
    const other = await open('hartford');
    await mine.until('event: clock');
    await other.until('event: clock');
    const b = submission(people.unknown, counties.newHaven, t.clock.now(), 6);
    const created = await post('newhaven', '/api/bookings', { ...b, tcn: 'T-LIVE-1', arrestedAt: b.arrestedAt.toISOString(), releaseDueAt: b.releaseDueAt.toISOString() });
    assert.equal(created.statusCode, 201, created.body);
    await mine.until('"bookingId":"B-T-LIVE-1"');
    // A later change the Hartford officer may see proves its stream was polled after the New Haven one.
    const h = submission(people.unknown, counties.hartford, t.clock.now(), 6);
    await post('hartford', '/api/bookings', { ...h, tcn: 'T-LIVE-2', arrestedAt: h.arrestedAt.toISOString(), releaseDueAt: h.releaseDueAt.toISOString() });
    await other.until('"bookingId":"B-T-LIVE-2"');
    assert.ok(!other.seen().includes('B-T-LIVE-1'), "the Hartford stream never heard of New Haven's booking");
    await mine.close();
    await other.close();
  });
});
