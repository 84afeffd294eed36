/** A small synthetic offense table: NCIC-style code, level, felony, statutory maximum. */
import type { Conviction, OffenseLevel } from '../domain/offense.ts';

/** An offense as the table defines it: a conviction without its id and date. */
export type OffenseSpec = Omit<Conviction, 'id' | 'convictedOn'>;

export const offenses: readonly OffenseSpec[] = [
  { offense: 'HOMICIDE', ncic: '0999', level: 1, felony: true, aggravated: true, maxMonths: 480 },
  { offense: 'ROBBERY', ncic: '1299', level: 1, felony: true, aggravated: true, maxMonths: 180 },
  { offense: 'AGGRAVATED ASSAULT', ncic: '1399', level: 1, felony: true, aggravated: true, maxMonths: 120 },
  { offense: 'DRUG SALE', ncic: '3599', level: 1, felony: true, aggravated: true, maxMonths: 120 },
  { offense: 'BURGLARY', ncic: '2299', level: 2, felony: true, aggravated: false, maxMonths: 60 },
  { offense: 'LARCENY - FELONY', ncic: '2399', level: 2, felony: true, aggravated: false, maxMonths: 36 },
  { offense: 'DUI - FELONY', ncic: '5404', level: 2, felony: true, aggravated: false, maxMonths: 24 },
  { offense: 'SIMPLE ASSAULT', ncic: '1313', level: 3, felony: false, aggravated: false, maxMonths: 12 },
  { offense: 'DUI', ncic: '5403', level: 3, felony: false, aggravated: false, maxMonths: 6 },
  { offense: 'SHOPLIFTING', ncic: '2303', level: 3, felony: false, aggravated: false, maxMonths: 6 },
  { offense: 'TRAFFIC - NO LICENSE', ncic: '5499', level: 3, felony: false, aggravated: false, maxMonths: 3 },
  { offense: 'DRUG POSSESSION', ncic: '3562', level: 3, felony: false, aggravated: false, maxMonths: 12 },
];

export function offensesOfLevel(level: OffenseLevel): readonly OffenseSpec[] {
  return offenses.filter((o) => o.level === level);
}
