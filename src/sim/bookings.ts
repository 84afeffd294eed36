/**
 * The stream of synthetic bookings: booking n is a pure function of (seed, n), so a restarted run
 * continues with the same bookings. Each picks a person of the world (people with convictions are
 * re-arrested more often), a jail, charges and a release time. The livescan capture is a new,
 * noisy impression of the person's fingers (rotation, translation, distortion, lost and spurious
 * minutiae: LIVESCAN_NOISE in src/biometrics/search/synthetic.ts), from its own random stream, so
 * the 1:N search has to match it rather than recognise a copy.
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

  constructor(private readonly world: World) {
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
    const charges = Array.from({ length: rng.int(1, 2) }, () => {
      const level = Number(rng.weighted(calibration.chargeLevel)) as OffenseLevel;
      const o = rng.pick(offensesOfLevel(level));
      return { offense: o.offense, ncic: o.ncic, level, felony: o.felony };
    });
    const worst = Math.min(...charges.map((c) => c.level));
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
    };
  }
}
