/**
 * State Identification Bureau: searches its state AFIS 1:N with the booking's prints. A person
 * already in the state's repository keeps their SID; anyone else is enrolled under the state's next
 * SID. It then decides, through the participation port (the jail's dated activation under the
 * federal opt-out policy in force), whether the prints go on to DHS once CJIS has them
 * (DOMAIN.md §1 step 2, §2).
 *
 * A state's counter row (state_sid_counters) stays locked for the whole transaction, so the SIB
 * transactions of one state take turns, in one process or several: each sees, and first adds to
 * its gallery, every enrolment committed before it, and numbers are never handed out twice.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { insertAudited } from '../../store/audited.ts';
import type { Db } from '../../store/db.ts';
import { jurisdictionActivations, jurisdictions, sibResults, stateSidCounters, stateSubjects } from '../../store/schema/index.ts';
import type { ParticipationPort, StateEnrolment, StateSearch } from '../ports.ts';
import { groupBy, loadBookings, loadPrints } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type BookingRef } from '../topics.ts';

/** A state's SID with number `seq`: the state code and eight digits. */
export function sidOf(state: string, seq: number): string {
  return `${state}${String(seq).padStart(8, '0')}`;
}

/** Locks the states' counter rows (created at 0 when missing), in state order so that transactions never wait on each other in a cycle. */
async function lockCounters(tx: Db, states: readonly string[]): Promise<Map<string, number>> {
  const locked = () => tx.select().from(stateSidCounters).where(inArray(stateSidCounters.state, [...states])).orderBy(asc(stateSidCounters.state)).for('update');
  let rows = await locked();
  if (rows.length < states.length) {
    await tx.insert(stateSidCounters).values(states.map((state) => ({ state, last: 0 }))).onConflictDoNothing();
    rows = await locked();
  }
  return new Map(rows.map((r) => [r.state, r.last]));
}

/** The state's people enrolled after number `through`, in order (other processes' enrolments). */
async function enrolledSince(tx: Db, state: string, through: number): Promise<StateEnrolment[]> {
  return tx
    .select({ sid: stateSubjects.sid, seq: stateSubjects.seq, templates: stateSubjects.templates })
    .from(stateSubjects)
    .where(and(eq(stateSubjects.state, state), gt(stateSubjects.seq, through)))
    .orderBy(asc(stateSubjects.seq));
}

/** The state's next `count` SIDs after `last`, skipping numbers that SIDs carried over from before the SIB searched already hold. */
async function nextSids(tx: Db, state: string, last: number, count: number): Promise<{ sid: string; seq: number }[]> {
  const out: { sid: string; seq: number }[] = [];
  for (let n = last; out.length < count; ) {
    const wanted = Array.from({ length: count - out.length }, (_, i) => ({ sid: sidOf(state, n + 1 + i), seq: n + 1 + i }));
    const taken = new Set((await tx.select({ sid: stateSubjects.sid }).from(stateSubjects).where(inArray(stateSubjects.sid, wanted.map((w) => w.sid)))).map((r) => r.sid));
    out.push(...wanted.filter((w) => !taken.has(w.sid)));
    n += wanted.length;
  }
  return out;
}

export function sibStage(participation: ParticipationPort, search: StateSearch): Stage {
  return {
    name: 'sib',
    topics: [topics.bookingSubmitted],
    async handle(tx, messages, ctx) {
      const ids = messages.map((m) => (m.payload as BookingRef).bookingId);
      const booked = await loadBookings(tx, ids);
      const prints = await loadPrints(tx, ids);
      const jIds = [...new Set([...booked.values()].map((b) => b.jurisdictionId))];
      const juris = new Map((await tx.select().from(jurisdictions).where(inArray(jurisdictions.id, jIds))).map((j) => [j.id, j]));
      const acts = groupBy(await tx.select().from(jurisdictionActivations).where(inArray(jurisdictionActivations.jurisdictionId, jIds)), (a) => a.jurisdictionId);
      const byState = groupBy(ids, (id) => juris.get(booked.get(id)!.jurisdictionId)!.state);
      const states = [...byState.keys()].sort();
      const counters = await lockCounters(tx, states);

      const found = new Map<string, { sid: string; newlyAssigned: boolean; score: number }>();
      const enrolled: (typeof stateSubjects.$inferInsert)[] = [];
      try {
        for (const state of states) {
          const last = counters.get(state)!;
          const through = search.through(state);
          if (through < last) search.enrol(state, await enrolledSince(tx, state, through));
          // People new to the state are held under their booking's id until numbered, so a second
          // booking of one of them in this batch finds them.
          const fresh: string[] = [];
          const sameAs = new Map<string, string>();
          for (const id of byState.get(state)!) {
            const [best] = await search.search(state, prints.get(id)!, 1);
            const hit = best?.hit === true;
            if (!hit) {
              await search.hold(state, id, prints.get(id)!);
              fresh.push(id);
            } else if (found.get(best.subjectId)?.newlyAssigned) {
              sameAs.set(id, best.subjectId);
            }
            found.set(id, { sid: hit ? best.subjectId : '', newlyAssigned: !hit, score: best?.score ?? 0 });
          }
          const sids = await nextSids(tx, state, last, fresh.length);
          fresh.forEach((id, i) => {
            const b = booked.get(id)!;
            found.get(id)!.sid = sids[i]!.sid;
            enrolled.push({ ...sids[i]!, state, personId: b.simPersonId, templates: prints.get(id)!, bookingId: id, enrolledAt: ctx.at });
          });
          for (const [id, first] of sameAs) found.get(id)!.sid = found.get(first)!.sid;
          if (sids.length) await tx.update(stateSidCounters).set({ last: sids.at(-1)!.seq }).where(eq(stateSidCounters.state, state));
        }
      } finally {
        await search.release();
      }

      await insertAudited(tx, stateSubjects, enrolled, ctx);
      ctx.afterCommit(() => {
        for (const [state, people] of groupBy(enrolled, (e) => e.state)) search.enrol(state, people.map((p) => ({ sid: p.sid, seq: p.seq, templates: p.templates })));
      });
      const results = ids.map((id) => {
        const b = booked.get(id)!;
        const j = juris.get(b.jurisdictionId)!;
        const sharing = participation.sharing({ ...j, activations: acts.get(j.id) ?? [] }, b.arrestedAt);
        return { bookingId: id, ...found.get(id)!, forwardedToDhs: sharing.forward, reason: sharing.reason, at: ctx.at };
      });
      await insertAudited(tx, sibResults, results, ctx);
      return results.map((r) => message(topics.cjisSearch, r.bookingId, { bookingId: r.bookingId, forwardToDhs: r.forwardedToDhs }, ctx.at));
    },
  };
}
