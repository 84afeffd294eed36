/** A booking of a synthetic world person, for pipeline tests: arrested an hour before `at`, charged with a DUI. */
import type { BookingSubmission } from '../../src/domain/booking.ts';
import type { FingerTemplate } from '../../src/biometrics/template.ts';
import type { WorldPerson } from '../../src/sim/world.ts';

const hour = 3_600_000;

export function worldBooking(
  p: WorldPerson,
  at: Date,
  opts: { ori: string; tcn: string; releaseInHours?: number; prints?: FingerTemplate[] },
): BookingSubmission {
  return {
    tcn: opts.tcn,
    ori: opts.ori,
    bookingNumber: `BK-${opts.tcn}`,
    tot: 'CAR',
    familyName: p.row.familyName,
    givenName: p.row.givenName,
    dob: p.row.dob,
    sex: p.row.sex as 'M' | 'F',
    pob: p.row.pob,
    arrestedAt: new Date(at.getTime() - hour),
    releaseDueAt: new Date(at.getTime() + (opts.releaseInHours ?? 12) * hour),
    charges: [{ offense: 'DUI', ncic: '5403', level: 3, felony: false }],
    prints: opts.prints ?? p.prints,
    simPersonId: p.row.id,
  };
}
