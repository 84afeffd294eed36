/**
 * A small synthetic offense table: NCIC-style code, level, felony, statutory maximum, and the
 * felony class a state like Connecticut gives it (A–E; null for misdemeanors and for felonies the
 * state leaves unclassified, as Connecticut does its drug-sale and DUI felonies).
 */
import type { Conviction, OffenseLevel } from '../domain/offense.ts';

/** An offense as the table defines it: a conviction without its id, date and court. */
export type OffenseSpec = Omit<Conviction, 'id' | 'convictedOn' | 'federal'>;

export const offenses: readonly OffenseSpec[] = [
  { offense: 'HOMICIDE', ncic: '0999', level: 1, felony: true, aggravated: true, maxMonths: 480, felonyClass: 'A' },
  { offense: 'ROBBERY', ncic: '1299', level: 1, felony: true, aggravated: true, maxMonths: 180, felonyClass: 'B' },
  { offense: 'AGGRAVATED ASSAULT', ncic: '1399', level: 1, felony: true, aggravated: true, maxMonths: 120, felonyClass: 'B' },
  { offense: 'DRUG SALE', ncic: '3599', level: 1, felony: true, aggravated: true, maxMonths: 120, felonyClass: null },
  { offense: 'BURGLARY', ncic: '2299', level: 2, felony: true, aggravated: false, maxMonths: 60, felonyClass: 'C' },
  { offense: 'LARCENY - FELONY', ncic: '2399', level: 2, felony: true, aggravated: false, maxMonths: 36, felonyClass: 'D' },
  { offense: 'DUI - FELONY', ncic: '5404', level: 2, felony: true, aggravated: false, maxMonths: 24, felonyClass: null },
  { offense: 'SIMPLE ASSAULT', ncic: '1313', level: 3, felony: false, aggravated: false, maxMonths: 12, felonyClass: null },
  { offense: 'DUI', ncic: '5403', level: 3, felony: false, aggravated: false, maxMonths: 6, felonyClass: null },
  { offense: 'SHOPLIFTING', ncic: '2303', level: 3, felony: false, aggravated: false, maxMonths: 6, felonyClass: null },
  { offense: 'TRAFFIC - NO LICENSE', ncic: '5499', level: 3, felony: false, aggravated: false, maxMonths: 3, felonyClass: null },
  { offense: 'DRUG POSSESSION', ncic: '3562', level: 3, felony: false, aggravated: false, maxMonths: 12, felonyClass: null },
];

export function offensesOfLevel(level: OffenseLevel): readonly OffenseSpec[] {
  return offenses.filter((o) => o.level === level);
}
