/**
 * The synthetic world: people (the truth), and what the systems of record know about them (the
 * FBI criminal file with rap sheets, warrants and file hits, the IDENT gallery with encounters and
 * status), in the proportions of calibration.ts. A pure function of the seed.
 */
import type { FingerTemplate } from '../biometrics/template.ts';
import type { OffenseLevel } from '../domain/offense.ts';
import type { convictions, criminalSubjects, encounters, immigrationSubjects, persons, warrants } from '../store/schema/index.ts';
import { calibration } from './calibration.ts';
import { syntheticHand } from './fingers.ts';
import { simJurisdictions } from './jurisdictions.ts';
import { familyNames, foreignBirthplaces, givenNames, usBirthplaces } from './names.ts';
import { offensesOfLevel } from './offenses.ts';
import { Prng } from './prng.ts';

export type Citizenship = keyof typeof calibration.citizenship;

export interface WorldPerson {
  row: typeof persons.$inferInsert;
  prints: FingerTemplate[];
  convicted: boolean;
}

export interface World {
  seed: string;
  epoch: Date;
  people: WorldPerson[];
  criminalSubjects: (typeof criminalSubjects.$inferInsert)[];
  convictions: (typeof convictions.$inferInsert)[];
  warrants: (typeof warrants.$inferInsert)[];
  immigrationSubjects: (typeof immigrationSubjects.$inferInsert)[];
  encounters: (typeof encounters.$inferInsert)[];
}

const day = 86_400_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

function immigrationStatus(rng: Prng, c: Citizenship): string {
  switch (c) {
    case 'lpr':
      return 'lpr';
    case 'visa_holder':
      return rng.chance(calibration.visaOverstay) ? 'overstay' : 'visa';
    case 'undocumented':
      return rng.weighted(calibration.undocumentedStatus);
    case 'naturalized':
      return rng.chance(calibration.staleStatusAfterNaturalization) ? 'lpr' : 'naturalized';
    case 'us_born':
      return rng.pick(['overstay', 'visa', 'lpr']); // a wrong record in the gallery
  }
}

const encounterKinds: Record<string, string[]> = {
  lpr: ['visa', 'border'],
  visa: ['visa'],
  overstay: ['visa'],
  entered_without_inspection: ['border'],
  removed: ['border', 'removal'],
  naturalized: ['visa', 'naturalization'],
  asylum: ['asylum'],
};

/** Flags in the national files and an outstanding warrant, for a person with a record. */
function recordFacts(facts: Prng, fbiNumber: string, epoch: Date) {
  const f = calibration.recordFlags;
  const flags = {
    gangMember: facts.chance(f.gangMember),
    tsdbMatch: facts.chance(f.tsdbMatch),
    securityRiskGroup: facts.chance(f.securityRiskGroup),
    sexRegistrant: facts.chance(f.sexRegistrant),
    arsonRegistrant: facts.chance(f.arsonRegistrant),
  };
  if (!facts.chance(calibration.outstandingWarrant)) return { flags, warrant: undefined };
  const issuer = facts.weighted(calibration.warrantIssuer);
  const felony = facts.chance(calibration.felonyWarrant);
  const warrant = {
    id: `${fbiNumber}-W1`,
    fbiNumber,
    issuer,
    state: issuer === 'federal' ? null : facts.pick(simJurisdictions).state,
    judicial: facts.chance(calibration.judicialWarrant[issuer]),
    felony,
    immigration: false,
    description: `${issuer} ${felony ? 'felony' : 'misdemeanor'} arrest warrant (synthetic)`,
    issuedOn: isoDate(epoch.getTime() - facts.int(30, 5 * 365) * day),
  };
  return { flags, warrant };
}

export function generateWorld(seed: string | number, size: number, epoch: Date): World {
  const rng = new Prng(`${seed}:world`);
  // Facts added to the records later draw from their own stream, so the rest of a seed's world stays as it was.
  const facts = new Prng(`${seed}:record-facts`);
  const world: World = { seed: String(seed), epoch, people: [], criminalSubjects: [], convictions: [], warrants: [], immigrationSubjects: [], encounters: [] };
  for (let i = 1; i <= size; i++) {
    const id = `P${String(i).padStart(6, '0')}`;
    const citizenship = rng.weighted(calibration.citizenship);
    const foreign = citizenship !== 'us_born';
    const birth = epoch.getTime() - rng.int(18 * 365, 65 * 365) * day;
    const row = {
      id,
      familyName: rng.pick(familyNames),
      givenName: rng.pick(givenNames),
      dob: isoDate(birth),
      sex: rng.chance(0.75) ? 'M' : 'F',
      pob: foreign ? rng.pick(foreignBirthplaces) : rng.pick(usBirthplaces),
      citizenship,
      createdAt: epoch,
    };
    const prints = syntheticHand(rng);
    const convicted = !rng.chance(calibration.noConviction);
    world.people.push({ row, prints, convicted });

    if (convicted) {
      const fbiNumber = `${String(i).padStart(3, '0')}${rng.digits(6)}`.slice(-9);
      const record = recordFacts(facts, fbiNumber, epoch);
      world.criminalSubjects.push({ fbiNumber, personId: id, familyName: row.familyName, givenName: row.givenName, dob: row.dob, sex: row.sex, templates: prints, enrolledAt: epoch, ...record.flags });
      if (record.warrant) world.warrants.push(record.warrant);
      const worst = Number(rng.weighted(calibration.convictionLevel)) as OffenseLevel;
      const n = worst === 1 ? rng.int(1, 2) : worst === 2 ? rng.int(1, 3) : rng.int(1, 2);
      for (let k = 0; k < n; k++) {
        const level = (k === 0 ? worst : Math.max(worst, rng.int(worst, 3))) as OffenseLevel;
        const o = rng.pick(offensesOfLevel(level));
        world.convictions.push({
          id: `${fbiNumber}-C${k + 1}`,
          fbiNumber,
          offense: o.offense,
          ncic: o.ncic,
          level,
          felony: o.felony,
          aggravated: o.aggravated,
          maxMonths: o.maxMonths,
          felonyClass: o.felonyClass,
          federal: o.felony && facts.chance(calibration.federalConviction),
          convictedOn: isoDate(epoch.getTime() - rng.int(60, 15 * 365) * day),
        });
      }
    }

    if (rng.chance(calibration.inGallery[citizenship])) {
      const status = immigrationStatus(rng, citizenship);
      const fin = `FIN${String(i).padStart(9, '0')}`;
      const hasANumber = status !== 'visa' && status !== 'entered_without_inspection';
      world.immigrationSubjects.push({
        fin,
        personId: id,
        aNumber: hasANumber ? `A${rng.digits(9)}` : null,
        status,
        familyName: row.familyName,
        givenName: row.givenName,
        dob: row.dob,
        sex: row.sex,
        pob: row.pob,
        priorRemovalOrder: status === 'removed',
        templates: prints,
        enrolledAt: epoch,
      });
      encounterKinds[status]!.forEach((kind, k) => {
        world.encounters.push({ id: `${fin}-E${k + 1}`, fin, kind, at: new Date(epoch.getTime() - rng.int(200, 20 * 365) * day), place: kind === 'border' ? rng.pick(['SAN YSIDRO, CA', 'EL PASO, TX', 'NOGALES, AZ']) : rng.pick(['NEW YORK, NY', 'LOS ANGELES, CA', 'HOUSTON, TX', 'CHICAGO, IL']) });
      });
    }
  }
  return world;
}
