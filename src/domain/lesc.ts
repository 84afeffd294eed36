/**
 * LESC's messages (DOMAIN.md §7): the Immigration Alien Query (Nlets legacy text, generated
 * automatically on an IDENT match) and the Immigration Alien Response. The IAR text layout is
 * unverified, so the IAR is a typed record (documented in docs/architecture.md), not a text format.
 */
import type { Conviction, OffenseLevel, RecordFlags, Warrant } from './offense.ts';

/** LESC's ORI: the destination of every IAQ. */
export const LESC_ORI = 'VTICE0900';

export interface IaqFields {
  senderOri: string;
  purpose: 'C' | 'F';
  attention: string;
  phone: string;
  familyName: string;
  givenName: string;
  dob: string;
  sex: string;
  pob: string;
  inCustody: boolean;
  /** NCIC code of the most serious charge, or 0399 if none. */
  offense: string;
  fbiNumber?: string;
  sid?: string;
}

const cut = (s: string, n: number) => s.slice(0, n);

/** The IAQ as Nlets text: `IAQ.<ORI>.AX.TXT` then `FIELD/value.` segments. */
export function iaqText(f: IaqFields): string {
  const dob = f.dob.replaceAll('-', '');
  const parts = [
    `IAQ.${cut(f.senderOri, 9)}.AX.TXT`,
    `PUR/${f.purpose}.`,
    `ATN/${cut(f.attention, 30)}.`,
    `PHN/${cut(f.phone, 20)}.`,
    `NAM/${cut(`${f.familyName}, ${f.givenName}`.toUpperCase(), 30)}.`,
    `DOB/${dob}.`,
    `SEX/${f.sex}.`,
    `POB/${cut(f.pob, 2)}.`,
    `CUS/${f.inCustody ? 'Y' : 'N'}.`,
    `OFF/${f.offense}.`,
  ];
  if (f.fbiNumber) parts.push(`FBI/${cut(f.fbiNumber, 9)}.`);
  if (f.sid) parts.push(`SID/${cut(f.sid, 10)}.`);
  return parts.join('');
}

export type ImmigrationStatus = 'lpr' | 'visa' | 'overstay' | 'entered_without_inspection' | 'removed' | 'naturalized' | 'asylum';

export interface IarBody {
  status: ImmigrationStatus;
  aNumber: string | null;
  fin: string;
  biographics: { familyName: string; givenName: string; dob: string; sex: string; pob: string };
  encounters: { kind: string; at: string; place: string }[];
  priorRemovalOrder: boolean;
  criminalHistory: {
    fbiNumber: string | null;
    /** The fields after convictedOn came with migration 0008: IARs sent before lack them. */
    convictions: (Pick<Conviction, 'offense' | 'ncic' | 'level' | 'felony' | 'aggravated' | 'convictedOn'> & Partial<Pick<Conviction, 'maxMonths' | 'felonyClass' | 'federal'>>)[];
    highestLevel: OffenseLevel | null;
    /** Outstanding warrants (NCIC); absent in IARs sent before migration 0008. */
    warrants?: Warrant[];
    /** NCIC file hits and registrations; absent in IARs sent before migration 0008. */
    flags?: RecordFlags;
  };
}
