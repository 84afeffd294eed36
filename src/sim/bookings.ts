/**
 * The stream of synthetic bookings: booking n is a pure function of (seed, n), so a restarted run
 * continues with the same bookings. Each picks a person of the world (people with convictions are
 * re-arrested more often), a jail, charges (with their statutory maxima and classes), whether bail
 * is posted, a release time, and whether and when the person will claim US citizenship. The
 * livescan capture is a new, noisy impression of the person's fingers (rotation, translation,
 * distortion, lost and spurious minutiae: LIVESCAN_NOISE in src/biometrics/search/synthetic.ts),
 * from its own random stream, so the 1:N search has to match it rather than recognise a copy.
 */
import { impression } from '../biometrics/search/synthetic.ts';
import type { BookingSubmission } from '../domain/booking.ts';
import type { OffenseLevel } from '../domain/offense.ts';
import { calibration } from './calibration.ts';
import { simJurisdictions } from './jurisdictions.ts';
import { offensesOfLevel } from './offenses.ts';
import { Prng } from './prng.ts';
import type { World } from './world.ts';

/** Simulated time between two bookings: 50 bookings an hour across the world's jails. */
export const bookingIntervalMs = 72_000;

export class BookingStream {
  readonly #cumulative: number[] = [];
  readonly #total: number;
  readonly #jurisdictionWeights: Record<string, number>;
  /** People with an IDENT record: the only ones ICE encounters, so the only ones with cause to claim citizenship. */
  readonly #inGallery: Set<string>;

  constructor(private readonly world: World) {
    this.#inGallery = new Set(world.immigrationSubjects.map((s) => s.personId));
    let sum = 0;
    for (const p of world.people) {
      sum += p.convicted ? calibration.rearrestWeight : 1;
      this.#cumulative.push(sum);
    }
    this.#total = sum;
    this.#jurisdictionWeights = Object.fromEntries(simJurisdictions.map((j) => [j.id, j.weight]));
  }

  arrivalAt(n: number): Date {
    return new Date(this.world.epoch.getTime() + n * bookingIntervalMs);
  }

  booking(n: number): BookingSubmission {
    const rng = new Prng(`${this.world.seed}:booking:${n}`);
    const r = rng.next() * this.#total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const person = this.world.people[lo]!;
    const jurisdictionId = rng.weighted(this.#jurisdictionWeights);
    const j = simJurisdictions.find((x) => x.id === jurisdictionId)!;
    const arrestedAt = new Date(this.arrivalAt(n).getTime() - rng.int(1, 6) * 3_600_000);
    const drawn = Array.from({ length: rng.int(1, 2) }, () => {
      const level = Number(rng.weighted(calibration.chargeLevel)) as OffenseLevel;
      return rng.pick(offensesOfLevel(level));
    });
    const worst = Math.min(...drawn.map((c) => c.level)) as OffenseLevel;
    // Bail and the magistrate's finding draw from their own stream, so the rest of booking n stays as it was.
    const custody = new Prng(`${this.world.seed}:custody:${n}`);
    const bondPosted = custody.chance(calibration.bondPosted[worst]);
    const charges = drawn.map((o) => ({
      offense: o.offense,
      ncic: o.ncic,
      level: o.level,
      felony: o.felony,
      maxMonths: o.maxMonths,
      ...(o.felonyClass ? { felonyClass: o.felonyClass } : {}),
      bondPosted,
      probableCauseFinding: o.felony && !bondPosted && custody.chance(calibration.probableCauseFinding),
    }));
    // Minor charges are released sooner (citation, bail); serious ones are held longer.
    const releaseHours = worst === 3 ? rng.int(4, 24) : worst === 2 ? rng.int(24, 96) : rng.int(72, 240);
    const capture = new Prng(`${this.world.seed}:livescan:${n}`);
    return {
      tcn: `SIM${this.world.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}-${String(n).padStart(8, '0')}`,
      ori: j.ori,
      bookingNumber: `${j.id.toUpperCase()}-${String(n).padStart(8, '0')}`,
      tot: rng.chance(0.9) ? 'CAR' : 'CNA',
      familyName: person.row.familyName,
      givenName: person.row.givenName,
      dob: person.row.dob,
      sex: person.row.sex as 'M' | 'F',
      pob: person.row.pob,
      arrestedAt,
      releaseDueAt: new Date(this.arrivalAt(n).getTime() + releaseHours * 3_600_000),
      charges,
      prints: person.prints.map((f) => impression(f, () => capture.next())),
      simPersonId: person.row.id,
      ...this.#claim(n, person),
    };
  }

  /** Whether and when the person booked claims US citizenship (calibration.citizenshipClaim). */
  #claim(n: number, person: World['people'][number]): Pick<BookingSubmission, 'simCitizenshipClaim'> {
    if (!this.#inGallery.has(person.row.id)) return {};
    const rng = new Prng(`${this.world.seed}:claim:${n}`);
    const citizen = person.row.citizenship === 'us_born' || person.row.citizenship === 'naturalized';
    if (!rng.chance(calibration.citizenshipClaim[citizen ? 'citizen' : 'nonCitizen'])) return {};
    const { min, max } = calibration.claimDelayHours;
    return { simCitizenshipClaim: { at: new Date(this.arrivalAt(n).getTime() + rng.int(min * 60, max * 60) * 60_000), madeTo: rng.weighted(calibration.claimChannel) } };
  }
}
