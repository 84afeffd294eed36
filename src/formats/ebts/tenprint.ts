/**
 * EBTS criminal ten-print submissions (CAR: answer required, CNA: no answer necessary) as typed
 * objects: the subject's biographics (Type-2), the arrest, and the finger images (Type-4/14 with
 * their headers). This is what intake reads from `seccom submit FILE`.
 */
import { Buffer } from 'node:buffer';
import { SeccomError } from '../../errors/index.ts';
import { fieldSubfields, fieldValue, type AnRecord, type AnsiNistFile } from '../ansi-nist/model.ts';
import { parseAnsiNist } from '../ansi-nist/read.ts';
import { imageOf, type ImageInfo } from '../ansi-nist/images.ts';
import { errorsOf, throwIfAny, type Violation } from '../ansi-nist/violations.ts';
import { readHeader, type TransactionHeader } from './header.ts';
import { loadEbtsRules } from './rules.ts';
import type { EbtsRuleSet } from './rules-file.ts';
import { validateEbts } from './validate.ts';
import { parseAnsiNistXml } from '../ansi-nist/xml/read-xml.ts';

export const tenprintTots = ['CAR', 'CNA'] as const;
export type TenprintTot = (typeof tenprintTots)[number];

/** Biographics of the person booked (EBTS Type-2). Dates are CCYYMMDD; codes as EBTS/NCIC define them. */
export interface Subject {
  /** 2.018 NAM: `SURNAME,GIVEN MIDDLE`. */
  name: string;
  /** 2.019 AKA. */
  aliases: string[];
  /** 2.020 POB: NCIC state or country code. */
  placeOfBirth: string;
  /** 2.021 CTZ. */
  citizenship: string[];
  /** 2.022 DOB (first is the primary one). */
  datesOfBirth: string[];
  /** 2.024 SEX, 2.025 RAC, 2.027 HGT (ftin, e.g. 510), 2.029 WGT (lb), 2.031 EYE, 2.032 HAI. */
  sex: string;
  race: string;
  height: string;
  weight: string;
  eyes: string;
  hair: string;
  /** 2.026 SMT. */
  scarsMarksTattoos: string[];
  /** 2.014 FBI numbers, 2.015 SID, 2.016 SOC, 2.017 MNU. */
  fbiNumbers: string[];
  stateId?: string;
  socialSecurityNumbers: string[];
  otherIds: string[];
  /** 2.041 RES. */
  residence?: string;
}

export interface Offense {
  /** 2.047 item 1 DOO, CCYYMMDD. */
  date?: string;
  /** 2.047 item 2 AOL: the arrest offense literal. */
  literal: string;
}

export interface Arrest {
  /** 2.045 DOA, CCYYMMDD. */
  date: string;
  offenses: Offense[];
  /** 2.009 OCA: the booking agency's case number. */
  caseNumber?: string;
  /** 2.073 CRI: controlling agencies. */
  controllingAgencies: string[];
  /** 2.005 RET: keep in the criminal master file. */
  retain: boolean;
  /** 2.006 ATN, 2.007 SCO. */
  attention?: string;
  sendCopyTo: string[];
}

export interface TenprintSubmission {
  tot: TenprintTot;
  header: TransactionHeader;
  subject: Subject;
  arrest: Arrest;
  /** Finger images (Type-4 and Type-14) with their headers; data is WSQ, JPEG 2000 ... as declared. */
  fingerprints: ImageInfo[];
  /** Face and SMT photos (Type-10). */
  photos: ImageInfo[];
  /** EBTS rule violations and ANSI/NIST warnings: intake answers these with an ERRT. */
  violations: Violation[];
  file: AnsiNistFile;
}

const all = (rec: AnRecord, n: number) => fieldSubfields(rec, n).map((s) => s[0] ?? '');

export function subjectOf(t2: AnRecord): Subject {
  return {
    name: fieldValue(t2, 18) ?? '',
    aliases: all(t2, 19),
    placeOfBirth: fieldValue(t2, 20) ?? '',
    citizenship: all(t2, 21),
    datesOfBirth: all(t2, 22),
    sex: fieldValue(t2, 24) ?? '',
    race: fieldValue(t2, 25) ?? '',
    height: fieldValue(t2, 27) ?? '',
    weight: fieldValue(t2, 29) ?? '',
    eyes: fieldValue(t2, 31) ?? '',
    hair: fieldValue(t2, 32) ?? '',
    scarsMarksTattoos: all(t2, 26),
    fbiNumbers: all(t2, 14),
    stateId: fieldValue(t2, 15) || undefined,
    socialSecurityNumbers: all(t2, 16),
    otherIds: all(t2, 17),
    residence: fieldValue(t2, 41) || undefined,
  };
}

function arrestOf(t2: AnRecord): Arrest {
  return {
    date: fieldValue(t2, 45) ?? '',
    offenses: fieldSubfields(t2, 47).map(([date = '', literal = '']) => ({ ...(date ? { date } : {}), literal })),
    caseNumber: fieldValue(t2, 9) || undefined,
    controllingAgencies: all(t2, 73),
    retain: fieldValue(t2, 5) === 'Y',
    attention: fieldValue(t2, 6) || undefined,
    sendCopyTo: all(t2, 7),
  };
}

export interface ReadTransactionOptions {
  /** EBTS rules to check against (default: loadEbtsRules()). */
  rules?: EbtsRuleSet;
  /** Throw on EBTS rule violations too, not only on ANSI/NIST errors. */
  strict?: boolean;
}

/**
 * Reads a CAR or CNA submission, traditional or NIEM XML. Throws a SeccomError for ANSI/NIST structural errors, for a TOT
 * other than CAR/CNA, and (with `strict`) for EBTS violations; otherwise EBTS violations are
 * returned so the CJIS stage can answer with an ERRT naming them.
 */
export function readTransaction(bytes: Uint8Array, opts: ReadTransactionOptions = {}): TenprintSubmission {
  if (looksLikeXml(bytes)) {
    const parsed = parseAnsiNistXml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    throwIfAny(parsed.violations);
    // XML elements outside the mapping are not in the file: say so, as warnings.
    const dropped: Violation[] = parsed.unmapped.map((u) => ({
      code: 'SECCOM_ANSI_NIST_XML_UNMAPPED',
      severity: 'warning',
      message: `XML element ${u.path} is not read`,
      location: { record: u.record, line: u.line },
    }));
    return tenprintFromFile(parsed.file, [...parsed.violations, ...dropped], opts);
  }
  const parsed = parseAnsiNist(bytes);
  throwIfAny(parsed.violations);
  return tenprintFromFile(parsed.file, parsed.violations, opts);
}

/** NIEM XML starts with `<` (after an optional BOM and white space); the traditional encoding with `1.`. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** The typed submission of an already-read file (traditional or XML). */
export function tenprintFromFile(file: AnsiNistFile, warnings: Violation[], opts: ReadTransactionOptions = {}): TenprintSubmission {
  const header = readHeader(file.records[0]!);
  if (!(tenprintTots as readonly string[]).includes(header.tot)) {
    throw new SeccomError('SECCOM_EBTS_UNKNOWN_TOT', `expected a CAR or CNA submission, got TOT "${header.tot}"`, {
      location: { record: 1, field: '1.004' },
    });
  }
  const ebts = validateEbts(file, opts.rules ?? loadEbtsRules());
  if (opts.strict) throwIfAny(ebts);
  const t2 = file.records.find((r) => r.type === 2);
  const images = (types: number[]) =>
    file.records.filter((r) => types.includes(r.type)).flatMap((r) => imageOf(r) ?? []);
  return {
    tot: header.tot as TenprintTot,
    header,
    subject: subjectOf(t2 ?? { type: 2, encoding: 'tagged', fields: [] }),
    arrest: arrestOf(t2 ?? { type: 2, encoding: 'tagged', fields: [] }),
    fingerprints: images([4, 14]),
    photos: images([10]),
    violations: [...errorsOf(ebts), ...warnings],
    file,
  };
}
