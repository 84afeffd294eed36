/**
 * Administration of jurisdictions: their dated activation history (appended, never rewritten),
 * what the policy engine makes of it (whether bookings reach DHS), the rule set their jail answers
 * under, and the dated policy versions of that rule set's chain, read from the engine's rule book.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { SeccomError, isSeccomError } from '../../errors/index.ts';
import { activationRecords } from '../../pipeline/participation.ts';
import { participationAt, type Participation, type ParticipationRecord } from '../../policy/index.ts';
import { chainOf } from '../../policy/rule-book.ts';
import { insertAudited, updateAudited } from '../../store/audited.ts';
import { jurisdictionActivations, jurisdictions } from '../../store/schema/index.ts';
import { actorOf, type Principal } from '../access/principal.ts';
import type { JurisdictionDetail, JurisdictionView } from '../contract/admin.ts';
import type { ServerDeps } from '../context.ts';
import { localDateOf } from '../../policy/time/zoned-time.ts';
import { decodeCursor, pageFrom } from './cursor.ts';
import { nationalTimeZone, rulesetTimeZone, stateTimeZone } from './time-zones.ts';

type Activation = typeof jurisdictionActivations.$inferSelect;
type Jurisdiction = typeof jurisdictions.$inferSelect;

export class JurisdictionService {
  readonly #deps: ServerDeps;

  constructor(deps: ServerDeps) {
    this.#deps = deps;
  }

  #zone(j: typeof jurisdictions.$inferSelect): string {
    return rulesetTimeZone(this.#deps.book, j.rulesetId) ?? stateTimeZone(this.#deps.book, j.state) ?? nationalTimeZone;
  }

  /**
   * The policy engine's participation answer for the jail on a local date, from the rule files
   * along its chain and its activation history, as the SIB stage asks it; null when no federal
   * opt-out policy is in force on that date.
   */
  #participation(j: Jurisdiction, records: ParticipationRecord[], date: string): Participation | null {
    try {
      return participationAt(this.#deps.book, j.rulesetId, date, records);
    } catch (e) {
      if (isSeccomError(e) && e.code === 'SECCOM_POLICY_NOT_IN_FORCE') return null;
      throw e;
    }
  }

  #views(j: Jurisdiction, acts: Activation[]) {
    const records = activationRecords(j.id, acts);
    const out = (a: Activation) => ({
      effectiveFrom: a.effectiveFrom.toISOString(),
      activated: a.activated,
      optOutRequested: a.optOutRequested,
      note: a.note,
      // Records count by their UTC date, as the pipeline reads them (activationRecords).
      sharing: this.#participation(j, records, a.effectiveFrom.toISOString().slice(0, 10))?.sharing ?? null,
    });
    const a = this.#inForce(acts);
    const today = localDateOf(this.#deps.clock.now().getTime(), this.#zone(j));
    const p = this.#participation(j, records, today);
    return {
      activation: a ? out(a) : null,
      activations: acts.map(out),
      participation: p && { at: p.at, sharing: p.sharing, activated: p.activated, notShareRequested: p.notShareRequested, optOutPolicy: p.optOutPolicy, reasons: p.reasons.map((r) => ({ ...r })) },
    };
  }

  #inForce(acts: Activation[]): Activation | undefined {
    const now = this.#deps.clock.now();
    return acts.filter((a) => a.effectiveFrom <= now).sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0];
  }

  /**
   * Jurisdictions by state and name, a keyset page at a time; `q` finds a word of the name starting
   * with it (case-insensitive), or an id, ORI or state code equal to it.
   */
  async list(query: { q?: string; cursor?: string; limit: number }): Promise<{ items: JurisdictionView[]; nextCursor: string | null }> {
    const db = this.#deps.store.db;
    const key = decodeCursor(query.cursor, 'sss');
    const where: SQL[] = [];
    if (key) where.push(sql`(${jurisdictions.state}, ${jurisdictions.name}, ${jurisdictions.id}) > (${key[0]}, ${key[1]}, ${key[2]})`);
    const q = query.q?.trim();
    if (q) {
      // A word of the name that starts with the text: "il" finds Illinois's state code, not every "Jail".
      const word = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        sql`(lower(${jurisdictions.name}) LIKE ${word} OR lower(${jurisdictions.name}) LIKE ${`% ${word}`} OR ${jurisdictions.id} = ${q} OR ${jurisdictions.ori} = ${q.toUpperCase()} OR ${jurisdictions.state} = ${q.toUpperCase()})`,
      );
    }
    const rows = await db
      .select()
      .from(jurisdictions)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(jurisdictions.state), asc(jurisdictions.name), asc(jurisdictions.id))
      .limit(query.limit + 1);
    const ids = rows.slice(0, query.limit).map((j) => j.id);
    const acts = ids.length ? await db.select().from(jurisdictionActivations).where(inArray(jurisdictionActivations.jurisdictionId, ids)) : [];
    return pageFrom(
      rows,
      query.limit,
      (j) => [j.state, j.name, j.id],
      (j) => {
        const { activation, participation } = this.#views(
          j,
          acts.filter((x) => x.jurisdictionId === j.id),
        );
        return { ...j, timeZone: this.#zone(j), activation, participation };
      },
    );
  }

  async detail(id: string): Promise<JurisdictionDetail> {
    const db = this.#deps.store.db;
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
    if (!j) throw new SeccomError('SECCOM_NOT_FOUND', `no jurisdiction ${id}`, { location: { jurisdiction: id } });
    const acts = await db.select().from(jurisdictionActivations).where(eq(jurisdictionActivations.jurisdictionId, id)).orderBy(asc(jurisdictionActivations.effectiveFrom));
    const zone = this.#zone(j);
    const today = localDateOf(this.#deps.clock.now().getTime(), zone);
    const book = this.#deps.book;
    const policyVersions = chainOf(book, j.rulesetId).flatMap((c) =>
      c.decisions.map((d) => ({
        jurisdiction: c.id,
        file: c.file,
        decision: d.name,
        from: d.from,
        until: d.until ?? null,
        status: d.status,
        source: d.source,
        rules: d.rules.length,
        inForce: d.from <= today && (d.until === undefined || today < d.until),
      })),
    );
    return {
      ...j,
      timeZone: zone,
      ...this.#views(j, acts),
      policyVersions,
      rulesets: [...book.jurisdictions.keys()].sort(),
    };
  }

  /** Appends a dated activation change (activation, request not to share); its effect is the engine's to decide. */
  async addActivation(p: Principal, id: string, a: { effectiveFrom: string; activated: boolean; optOutRequested: boolean; note: string }): Promise<JurisdictionDetail> {
    await this.detail(id);
    const row = { jurisdictionId: id, ...a, effectiveFrom: new Date(a.effectiveFrom) };
    const { store, clock } = this.#deps;
    const existing = await store.db.select().from(jurisdictionActivations).where(eq(jurisdictionActivations.jurisdictionId, id));
    if (existing.some((x) => x.effectiveFrom.getTime() === row.effectiveFrom.getTime())) {
      throw new SeccomError('SECCOM_CONFLICT', `${id} already has a change effective ${a.effectiveFrom}; changes are never rewritten, add one at another time`);
    }
    await store.transaction((tx) => insertAudited(tx, jurisdictionActivations, [row], { actor: actorOf(p), at: clock.now() }));
    return this.detail(id);
  }

  /** Puts the jurisdiction under another rule set (an audited change). */
  async setRuleset(p: Principal, id: string, rulesetId: string): Promise<JurisdictionDetail> {
    if (!this.#deps.book.jurisdictions.has(rulesetId)) {
      throw new SeccomError('SECCOM_INVALID_ARGUMENT', `no rule set "${rulesetId}" in policies/`, { location: { field: 'rulesetId' } });
    }
    const { store, clock } = this.#deps;
    const done = await store.transaction((tx) => updateAudited(tx, jurisdictions, { id }, { rulesetId }, { actor: actorOf(p), at: clock.now() }));
    if (!done) throw new SeccomError('SECCOM_NOT_FOUND', `no jurisdiction ${id}`, { location: { jurisdiction: id } });
    return this.detail(id);
  }
}
