/**
 * A person's record as a user sees it: the person with the criminal-file and immigration records
 * linked to them. Every read by a user is audited in the same transaction (DOMAIN.md §8).
 */
import { eq, inArray } from 'drizzle-orm';
import { SeccomError } from '../../errors/index.ts';
import { auditRead, type WriteContext } from '../audited.ts';
import { convictions, criminalSubjects, encounters, immigrationSubjects, persons } from '../schema/index.ts';
import type { Store } from '../store.ts';

export interface UserRead extends WriteContext {
  /** Why the user reads it (e.g. "iar-review", "oversight"): kept in the audit entry. */
  purpose: string;
}

export async function readPersonRecord(store: Store, personId: string, by: UserRead) {
  return store.transaction(async (tx) => {
    const [person] = await tx.select().from(persons).where(eq(persons.id, personId));
    if (!person) throw new SeccomError('SECCOM_NOT_FOUND', `person ${personId} not found`, { location: { person: personId } });
    const criminal = await tx.select().from(criminalSubjects).where(eq(criminalSubjects.personId, personId));
    const fbiNumbers = criminal.map((c) => c.fbiNumber);
    const rap = fbiNumbers.length ? await tx.select().from(convictions).where(inArray(convictions.fbiNumber, fbiNumbers)) : [];
    const immigration = await tx.select().from(immigrationSubjects).where(eq(immigrationSubjects.personId, personId));
    const fins = immigration.map((i) => i.fin);
    const seen = fins.length ? await tx.select().from(encounters).where(inArray(encounters.fin, fins)) : [];
    await auditRead(tx, 'persons', personId, by);
    const strip = <T extends { templates: unknown }>({ templates: _t, ...rest }: T) => rest;
    return {
      person,
      criminalRecords: criminal.map((c) => ({ ...strip(c), convictions: rap.filter((r) => r.fbiNumber === c.fbiNumber) })),
      immigrationRecords: immigration.map((i) => ({ ...strip(i), encounters: seen.filter((e) => e.fin === i.fin) })),
    };
  });
}
