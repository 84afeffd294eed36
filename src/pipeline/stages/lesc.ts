/**
 * ICE LESC: receives the automatic IAQ on an IDENT match, and answers with the IAR: immigration
 * status, biographics, encounters and criminal history (convictions with their statutory maxima and
 * classes, outstanding warrants, NCIC gang and terrorist-screening hits, Security Risk Group
 * designation, registrations), to the jail and to ERO (DOMAIN.md §1 step 5).
 */
import { asc, inArray } from 'drizzle-orm';
import { iaqText, type IarBody, type ImmigrationStatus } from '../../domain/lesc.ts';
import { convictionLevel, type OffenseLevel, type Warrant } from '../../domain/offense.ts';
import { insertAudited } from '../../store/audited.ts';
import { arrestCharges, cjisResults, convictions, criminalSubjects, encounters, iaqs, iars, immigrationSubjects, sibResults, warrants } from '../../store/schema/index.ts';
import { groupBy, loadBookings } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics } from '../topics.ts';

interface LescQuery {
  bookingId: string;
  fin: string;
}

/** PLACEHOLDER analyst roster: IARs are signed by one of a few synthetic analysts, chosen by booking. */
const analysts = ['LESC-ANALYST-01', 'LESC-ANALYST-02', 'LESC-ANALYST-03'];

export const lescStage: Stage = {
  name: 'lesc',
  topics: [topics.lescQuery],
  async handle(tx, messages, ctx) {
    const asks = messages.map((m) => m.payload as LescQuery);
    const ids = asks.map((a) => a.bookingId);
    const booked = await loadBookings(tx, ids);
    const charges = groupBy(await tx.select().from(arrestCharges).where(inArray(arrestCharges.bookingId, ids)).orderBy(asc(arrestCharges.seq)), (c) => c.bookingId);
    const sids = new Map((await tx.select().from(sibResults).where(inArray(sibResults.bookingId, ids))).map((r) => [r.bookingId, r.sid]));
    const fbis = new Map((await tx.select().from(cjisResults).where(inArray(cjisResults.bookingId, ids))).map((r) => [r.bookingId, r.fbiNumber]));
    const fins = [...new Set(asks.map((a) => a.fin))];
    const subjects = new Map((await tx.select().from(immigrationSubjects).where(inArray(immigrationSubjects.fin, fins))).map((s) => [s.fin, s]));
    const seen = groupBy(await tx.select().from(encounters).where(inArray(encounters.fin, fins)).orderBy(asc(encounters.at), asc(encounters.id)), (e) => e.fin);
    const fbiList = [...new Set([...fbis.values()].filter(Boolean))];
    const rap = groupBy(
      fbiList.length ? await tx.select().from(convictions).where(inArray(convictions.fbiNumber, fbiList)).orderBy(asc(convictions.convictedOn), asc(convictions.id)) : [],
      (c) => c.fbiNumber,
    );
    const wanted = groupBy(fbiList.length ? await tx.select().from(warrants).where(inArray(warrants.fbiNumber, fbiList)).orderBy(asc(warrants.id)) : [], (w) => w.fbiNumber);
    const flagColumns = {
      fbiNumber: criminalSubjects.fbiNumber,
      gangMember: criminalSubjects.gangMember,
      tsdbMatch: criminalSubjects.tsdbMatch,
      securityRiskGroup: criminalSubjects.securityRiskGroup,
      sexRegistrant: criminalSubjects.sexRegistrant,
      arsonRegistrant: criminalSubjects.arsonRegistrant,
    };
    const files = new Map((fbiList.length ? await tx.select(flagColumns).from(criminalSubjects).where(inArray(criminalSubjects.fbiNumber, fbiList)) : []).map(({ fbiNumber: f, ...flags }) => [f, flags]));

    const queries: (typeof iaqs.$inferInsert)[] = [];
    const answers: (typeof iars.$inferInsert)[] = [];
    for (const a of asks) {
      const b = booked.get(a.bookingId)!;
      const s = subjects.get(a.fin)!;
      const fbiNumber = fbis.get(b.id) || null;
      const worst = (charges.get(b.id) ?? []).reduce<(typeof arrestCharges.$inferSelect) | undefined>((w, c) => (!w || c.level < w.level ? c : w), undefined);
      const iaqId = `IAQ-${b.tcn}`;
      queries.push({
        id: iaqId,
        bookingId: b.id,
        text: iaqText({
          senderOri: b.ori,
          purpose: 'C',
          attention: 'BOOKING DESK',
          phone: '000-000-0000',
          familyName: b.familyName,
          givenName: b.givenName,
          dob: b.dob,
          sex: b.sex,
          pob: b.pob,
          inCustody: true,
          offense: worst?.ncic ?? '0399',
          fbiNumber: fbiNumber ?? undefined,
          sid: sids.get(b.id),
        }),
        at: ctx.at,
      });
      const convs = fbiNumber ? (rap.get(fbiNumber) ?? []) : [];
      const file = fbiNumber ? files.get(fbiNumber) : undefined;
      const body: IarBody = {
        status: s.status as ImmigrationStatus,
        aNumber: s.aNumber,
        fin: s.fin,
        biographics: { familyName: s.familyName, givenName: s.givenName, dob: s.dob, sex: s.sex, pob: s.pob },
        encounters: (seen.get(s.fin) ?? []).map((e) => ({ kind: e.kind, at: e.at.toISOString(), place: e.place })),
        priorRemovalOrder: s.priorRemovalOrder,
        criminalHistory: {
          fbiNumber,
          convictions: convs.map((c) => ({
            offense: c.offense,
            ncic: c.ncic,
            level: c.level as OffenseLevel,
            felony: c.felony,
            aggravated: c.aggravated,
            convictedOn: c.convictedOn,
            maxMonths: c.maxMonths,
            felonyClass: c.felonyClass,
            federal: c.federal,
          })),
          highestLevel: convictionLevel(convs.map((c) => ({ level: c.level as OffenseLevel }))),
          warrants: (fbiNumber ? (wanted.get(fbiNumber) ?? []) : []).map(
            (w): Warrant => ({ issuer: w.issuer as Warrant['issuer'], state: w.state, judicial: w.judicial, felony: w.felony, immigration: w.immigration, description: w.description, issuedOn: w.issuedOn }),
          ),
          flags: file ?? { gangMember: false, tsdbMatch: false, securityRiskGroup: false, sexRegistrant: false, arsonRegistrant: false },
        },
      };
      const hash = [...b.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
      answers.push({ id: `IAR-${b.tcn}`, iaqId, bookingId: b.id, body, status: s.status, analyst: analysts[hash % analysts.length]!, at: ctx.at });
    }
    await insertAudited(tx, iaqs, queries, ctx);
    await insertAudited(tx, iars, answers, ctx);
    return ids.map((id) => message(topics.eroReview, id, { bookingId: id }, ctx.at));
  },
};
