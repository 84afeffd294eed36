/** A synthetic CAR for tests: a made-up person, with the ten rolled WSQ prints of NIST's type-4-tpcard.an2. */
import { readFileSync } from 'node:fs';
import { sharedData } from './env.ts';
import { imageOf, readAnsiNist } from '../../src/formats/ansi-nist/index.ts';
import type { TenprintInput } from '../../src/formats/ebts/index.ts';

export function sampleCar(overrides: Partial<TenprintInput> = {}): TenprintInput {
  const card = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-4-tpcard.an2')));
  const fingerprints = card.records
    .flatMap((r) => imageOf(r) ?? [])
    .filter((img) => img.positions[0]! <= 10)
    .map((img) => ({ position: img.positions[0]!, impression: img.impression, width: img.width, height: img.height, data: img.data }));
  return {
    tot: 'CAR',
    header: { date: '20110315', dai: 'WVIAFIS0Z', ori: 'CT0000100', tcn: 'CT0000100-20110315-0001', priority: '2' },
    subject: {
      name: 'DOE,JANE Q',
      placeOfBirth: 'CT',
      datesOfBirth: ['19800229'],
      sex: 'F',
      race: 'W',
      height: '506',
      weight: '140',
      eyes: 'BRO',
      hair: 'BLK',
      citizenship: ['US'],
      scarsMarksTattoos: ['SC L ARM'],
    },
    arrest: {
      date: '20110314',
      offenses: [{ date: '20110313', literal: 'LARCENY 6TH DEGREE' }, { literal: 'BREACH OF PEACE' }],
      controllingAgencies: ['CT0000100'],
      caseNumber: 'BK-2011-000123',
      attention: 'DET J Q PUBLIC',
    },
    fingerprints,
    ...overrides,
  };
}
