/**
 * An EBTS criminal ten-print submission (CAR/CNA, read by src/formats/ebts) as the intake's
 * BookingSubmission: biographics from Type-2, prints extracted from the Type-4/14 images.
 * What EBTS does not carry is filled as docs/architecture.md says: charges get the NCIC code 0399
 * ("none given") and level 3 until classified, and the otherwise-release time defaults to 48 hours
 * after the arrest until the jail reports it.
 */
import { extractTemplate } from '../biometrics/extract/extract.ts';
import type { FingerTemplate } from '../biometrics/template.ts';
import type { BookingSubmission } from '../domain/booking.ts';
import { SeccomError } from '../errors/index.ts';
import type { TenprintSubmission } from '../formats/ebts/index.ts';
import { decodeImage } from '../formats/images/decode-image.ts';

const defaultHoldMs = 48 * 3_600_000;

function date(ccyymmdd: string | undefined, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ccyymmdd ?? '');
  if (!m) throw new SeccomError('SECCOM_MALFORMED_BOOKING', `${field} must be CCYYMMDD, got "${ccyymmdd ?? ''}"`, { location: { field } });
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function prints(sub: TenprintSubmission): FingerTemplate[] {
  const out: FingerTemplate[] = [];
  for (const image of sub.fingerprints) {
    const position = image.positions.find((p) => p >= 1 && p <= 10);
    if (position === undefined || out.some((t) => t.position === position)) continue; // slaps and repeats
    const gray = decodeImage(image.data, { ppi: image.ppi ?? 500 });
    out.push(extractTemplate(gray, { ppi: image.ppi ?? 500, position }).template);
  }
  return out;
}

export function bookingFromEbts(sub: TenprintSubmission): BookingSubmission {
  if (sub.violations.length > 0) {
    const v = sub.violations[0]!;
    const where = (v as { location?: { field?: string } }).location?.field ?? 'ebts';
    throw new SeccomError('SECCOM_MALFORMED_BOOKING', `the ${sub.tot} breaks ${sub.violations.length} EBTS rule(s), first: ${where} ${v.message}`, {
      location: { field: where },
      details: sub.violations,
    });
  }
  const [family = '', given = ''] = sub.subject.name.split(',').map((s) => s.trim());
  const arrestedAt = new Date(`${date(sub.arrest.date, '2.045 DOA')}T00:00:00Z`);
  const sex = sub.subject.sex === 'M' || sub.subject.sex === 'F' ? sub.subject.sex : 'X';
  return {
    tcn: sub.header.tcn,
    ori: sub.header.ori,
    bookingNumber: sub.arrest.caseNumber || sub.header.tcn,
    tot: sub.tot,
    familyName: family,
    givenName: given,
    dob: date(sub.subject.datesOfBirth[0], '2.022 DOB'),
    sex,
    pob: sub.subject.placeOfBirth,
    arrestedAt,
    releaseDueAt: new Date(arrestedAt.getTime() + defaultHoldMs),
    charges: sub.arrest.offenses.map((o) => ({ offense: o.literal, ncic: '0399', level: 3 as const, felony: false })),
    prints: prints(sub),
  };
}
