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

/**
 * Hands out the state's SIDs after number `last`, skipping the numbers of SIDs carried over from
 * before the SIB searched (seq 0, migration 0011) that lie ahead.
 */
async function sidSequence(tx: Db, state: string, last: number): Promise<() => number> {
  const carried = await tx
    .select({ sid: stateSubjects.sid })
    .from(stateSubjects)
    .where(and(eq(stateSubjects.state, state), eq(stateSubjects.seq, 0), gt(stateSubjects.sid, sidOf(state, last))));
  const taken = new Set(carried.map((r) => r.sid));
  let n = last;
  return () => {
    do n++;
    while (taken.has(sidOf(state, n)));
    return n;
  };
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

      ctx.afterRollback(() => search.release());
      const found = new Map<string, { sid: string; newlyAssigned: boolean; score: number }>();
      const enrolled: (typeof stateSubjects.$inferInsert & StateEnrolment)[] = [];
      for (const state of states) {
        const last = counters.get(state)!;
        const through = search.through(state);
        if (through < last) search.enrol(state, await enrolledSince(tx, state, through));
        const next = await sidSequence(tx, state, last);
        let seq = last;
        for (const id of byState.get(state)!) {
          const probe = prints.get(id)!;
          const [best] = await search.search(state, probe, 1);
          const score = best?.score ?? 0;
          if (best?.hit) {
            found.set(id, { sid: best.subjectId, newlyAssigned: false, score });
            continue;
          }
          seq = next();
          const person = { sid: sidOf(state, seq), seq, state, personId: booked.get(id)!.simPersonId, templates: probe, bookingId: id, enrolledAt: ctx.at };
          // Held at once, so a second booking of the person in this batch finds them.
          await search.hold(state, person);
          enrolled.push(person);
          found.set(id, { sid: person.sid, newlyAssigned: true, score });
        }
        if (seq > last) await tx.update(stateSidCounters).set({ last: seq }).where(eq(stateSidCounters.state, state));
      }
      await insertAudited(tx, stateSubjects, enrolled, ctx);
      ctx.afterCommit(() => {
        for (const [state, people] of groupBy(enrolled, (e) => e.state)) search.enrol(state, people);
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
