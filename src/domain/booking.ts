/**
 * A booking as a jail submits it (the intake port's input, whatever the wire format: ANSI/NIST-ITL
 * file, API or simulator), and its validation. Pure: no I/O.
 */
import { SeccomError } from '../errors/index.ts';
import type { FingerTemplate } from '../biometrics/template.ts';
import { CLAIM_CHANNELS, type ClaimChannel } from './claim.ts';
import type { ArrestCharge } from './offense.ts';

export interface BookingSubmission {
  /** Transaction control number (ANSI/NIST 1.009): unique per submission. */
  tcn: string;
  /** Originating agency identifier of the jail (1.008): names the jurisdiction. */
  ori: string;
  bookingNumber: string;
  /** EBTS type of transaction. */
  tot: 'CAR' | 'CNA';
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  dob: string;
  sex: 'M' | 'F' | 'X';
  /** Place of birth, a country or NCIC state code. */
  pob: string;
  arrestedAt: Date;
  /** When the jail would otherwise release the person (bail, end of sentence). */
  releaseDueAt: Date;
  charges: ArrestCharge[];
  /** The ten prints as captured (finger positions 1..10). */
  prints: FingerTemplate[];
  /** Synthetic bookings only: the world person booked, for oversight statistics. */
  simPersonId?: string;
  /**
   * Synthetic bookings only: when the person will claim US citizenship, and to whom. The world
   * knows it in advance; the pipeline records the claim only when that time comes.
   */
  simCitizenshipClaim?: { at: Date; madeTo: ClaimChannel };
}

function bad(field: string, message: string, tcn?: string): SeccomError {
  return new SeccomError('SECCOM_MALFORMED_BOOKING', `${field}: ${message}`, { location: { field, ...(tcn ? { tcn } : {}) } });
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const validTime = (d: unknown) => d instanceof Date && !Number.isNaN(d.getTime());

/** Checks a submission's form; throws SECCOM_MALFORMED_BOOKING naming the first bad field. */
export function validateBooking(b: BookingSubmission): void {
  const tcn = typeof b.tcn === 'string' ? b.tcn : undefined;
  if (!tcn || !/^[A-Za-z0-9-]{1,40}$/.test(tcn)) throw bad('tcn', 'required, 1-40 letters, digits or dashes');
  if (typeof b.ori !== 'string' || !/^[A-Z0-9]{9}$/.test(b.ori)) throw bad('ori', 'required, 9 capital letters or digits', tcn);
  if (!b.bookingNumber) throw bad('bookingNumber', 'required', tcn);
  if (b.tot !== 'CAR' && b.tot !== 'CNA') throw bad('tot', 'must be CAR or CNA', tcn);
  if (!b.familyName?.trim() || !b.givenName?.trim()) throw bad('name', 'family and given name are required', tcn);
  if (typeof b.dob !== 'string' || !isDate(b.dob)) throw bad('dob', 'must be a date YYYY-MM-DD', tcn);
  if (!['M', 'F', 'X'].includes(b.sex)) throw bad('sex', 'must be M, F or X', tcn);
  if (!b.pob) throw bad('pob', 'required', tcn);
  if (!validTime(b.arrestedAt)) throw bad('arrestedAt', 'must be a time', tcn);
  if (!validTime(b.releaseDueAt) || b.releaseDueAt < b.arrestedAt) throw bad('releaseDueAt', 'must be a time not before the arrest', tcn);
  if (!Array.isArray(b.charges) || b.charges.length === 0) throw bad('charges', 'at least one arrest charge is required', tcn);
  b.charges.forEach((c, i) => {
    if (!c.offense || !/^\d{4}$/.test(c.ncic ?? '') || ![1, 2, 3].includes(c.level)) {
      throw bad(`charges[${i}]`, 'needs an offense, a 4-digit NCIC code and a level 1-3', tcn);
    }
    if (c.maxMonths !== undefined && !(Number.isInteger(c.maxMonths) && c.maxMonths >= 0)) throw bad(`charges[${i}].maxMonths`, 'a whole number of months', tcn);
  });
  const claim = b.simCitizenshipClaim;
  if (claim && (!validTime(claim.at) || claim.at < b.arrestedAt || !CLAIM_CHANNELS.includes(claim.madeTo))) {
    throw bad('simCitizenshipClaim', `a time not before the arrest, made to ${CLAIM_CHANNELS.join(', ')}`, tcn);
  }
  if (!Array.isArray(b.prints) || b.prints.length === 0) throw bad('prints', 'at least one finger template is required', tcn);
  const positions = new Set<number>();
  b.prints.forEach((p, i) => {
    if (!Number.isInteger(p.position) || p.position < 1 || p.position > 10 || positions.has(p.position)) {
      throw bad(`prints[${i}].position`, 'finger positions must be distinct, 1-10', tcn);
    }
    positions.add(p.position);
    if (!Array.isArray(p.minutiae)) throw bad(`prints[${i}].minutiae`, 'required', tcn);
  });
}
