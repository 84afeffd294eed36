/**
 * Builders for the transactions seccom sends: CAR/CNA submissions (a livescan station, the
 * synthetic world) and the CJIS answers SRE (search results) and ERRT (error). They return the
 * traditional encoding; LEN and CNT are computed. Time is passed in (date fields), never read.
 */
import { binaryField, fieldValue, textField, type AnRecord, type AnsiNistFile, type TextField } from '../ansi-nist/model.ts';
import { writeAnsiNist } from '../ansi-nist/write.ts';
import { formatViolation, type Violation } from '../ansi-nist/violations.ts';
import { headerRecord, type TransactionHeader } from './header.ts';
import type { Arrest, Subject, TenprintSubmission, TenprintTot } from './tenprint.ts';

/** A finger image to send. Type-4 (500 ppi, WSQ or raw) unless `recordType` 14 is asked for. */
export interface FingerprintInput {
  /** Finger position code (1-10 rolled, 11-14 plain/slaps). */
  position: number;
  /** Impression type (0 live-scan plain, 1 live-scan rolled ...). Default 1. */
  impression?: number;
  width: number;
  height: number;
  /** Default 500. Type-4 is always 500 ppi (ISR 0). */
  ppi?: number;
  /** `WSQ20` (default), `NONE` (8-bit raw), or for Type-14 also `JP2`, `JP2L`, `PNG`. */
  compression?: string;
  data: Uint8Array;
  recordType?: 4 | 14;
}

export interface TenprintInput {
  tot: TenprintTot;
  header: Omit<TransactionHeader, 'tot' | 'tcr'>;
  subject: Partial<Subject> & Pick<Subject, 'name' | 'placeOfBirth' | 'datesOfBirth' | 'sex' | 'race' | 'height' | 'weight' | 'eyes' | 'hair'>;
  arrest: Partial<Arrest> & Pick<Arrest, 'date' | 'offenses' | 'controllingAgencies'>;
  fingerprints: FingerprintInput[];
}

const gcaCodes: Record<string, number> = { NONE: 0, WSQ20: 1, JPEGB: 2, JPEGL: 3, JP2: 4, JP2L: 5, PNG: 6 };

/** Type-2 fields in number order; empty lists and undefined values are left out. */
function type2(idc: number, fields: [number, string[][] | undefined][]): AnRecord {
  const out: TextField[] = [textField(2, 1, [['0']]), textField(2, 2, [[String(idc).padStart(2, '0')]])];
  for (const [num, subs] of fields.sort((a, b) => a[0] - b[0])) {
    if (subs && subs.length > 0) out.push(textField(2, num, subs));
  }
  return { type: 2, encoding: 'tagged', fields: out };
}

const one = (v: string | undefined) => (v ? [[v]] : undefined);
const each = (vs: string[] | undefined) => vs?.map((v) => [v]);

function fingerRecord(fp: FingerprintInput, idc: number, ori: string, date: string): AnRecord {
  const compression = fp.compression ?? 'WSQ20';
  const ppi = fp.ppi ?? 500;
  if ((fp.recordType ?? 4) === 4 && ppi === 500 && (compression === 'WSQ20' || compression === 'NONE')) {
    const f = (n: number, ...items: string[]) => textField(4, n, [items]);
    return {
      type: 4,
      encoding: 'binary',
      fields: [
        f(1, '0'),
        f(2, String(idc)),
        f(3, String(fp.impression ?? 1)),
        f(4, String(fp.position), '255', '255', '255', '255', '255'),
        f(5, '0'),
        f(6, String(fp.width)),
        f(7, String(fp.height)),
        f(8, String(gcaCodes[compression])),
        binaryField(4, 9, fp.data),
      ],
    };
  }
  const f = (n: number, v: string) => textField(14, n, [[v]]);
  return {
    type: 14,
    encoding: 'tagged',
    fields: [
      f(1, '0'),
      f(2, String(idc).padStart(2, '0')),
      f(3, String(fp.impression ?? 1)),
      f(4, ori),
      f(5, date),
      f(6, String(fp.width)),
      f(7, String(fp.height)),
      f(8, '1'),
      f(9, String(ppi)),
      f(10, String(ppi)),
      f(11, compression),
      f(12, '8'),
      f(13, String(fp.position)),
      binaryField(14, 999, fp.data),
    ],
  };
}

function assemble(header: TransactionHeader, records: AnRecord[]): Uint8Array {
  const contents = records.map((r) => ({ type: r.type, idc: Number(fieldValue(r, 2)) }));
  const file: AnsiNistFile = { records: [headerRecord(header, contents), ...records] };
  return writeAnsiNist(file);
}

/** A CAR or CNA submission in the traditional encoding. */
export function buildTenprint(input: TenprintInput): Uint8Array {
  const { subject: s, arrest: a } = input;
  const t2 = type2(0, [
    [5, [[a.retain === false ? 'N' : 'Y']]],
    [6, input.tot === 'CAR' ? one(a.attention) : undefined],
    [7, input.tot === 'CAR' ? each(a.sendCopyTo) : undefined],
    [9, one(a.caseNumber)],
    [14, each(s.fbiNumbers)],
    [15, one(s.stateId)],
    [16, each(s.socialSecurityNumbers)],
    [17, each(s.otherIds)],
    [18, [[s.name]]],
    [19, each(s.aliases)],
    [20, [[s.placeOfBirth]]],
    [21, each(s.citizenship)],
    [22, each(s.datesOfBirth)],
    [24, [[s.sex]]],
    [25, [[s.race]]],
    [26, each(s.scarsMarksTattoos)],
    [27, [[s.height]]],
    [29, [[s.weight]]],
    [31, [[s.eyes]]],
    [32, [[s.hair]]],
    [41, one(s.residence)],
    [45, [[a.date]]],
    [47, a.offenses.map((o) => [o.date ?? '', o.literal])],
    [73, each(a.controllingAgencies)],
  ]);
  const fingers = input.fingerprints.map((fp, i) => fingerRecord(fp, i + 1, input.header.ori, input.header.date));
  return assemble({ ...input.header, tot: input.tot }, [t2, ...fingers]);
}

/** Who answers whom: the response goes back to the submitter, referring to its TCN. */
export interface ResponseRouting {
  /** The responder's ORI (the FBI CJIS division in the real flow). */
  ori: string;
  /** The submitter's ORI (the response's destination). */
  dai: string;
  /** The response's own control number. */
  tcn: string;
  /** The submission's TCN. */
  tcr: string;
  /** CCYYMMDD. */
  date: string;
}

export function respondTo(submission: TenprintSubmission, responder: { ori: string; tcn: string; date: string }): ResponseRouting {
  return { ori: responder.ori, dai: submission.header.ori, tcn: responder.tcn, tcr: submission.header.tcn, date: responder.date };
}

function responseHeader(tot: string, r: ResponseRouting): TransactionHeader {
  return { tot, date: r.date, dai: r.dai, ori: r.ori, tcn: r.tcn, tcr: r.tcr, nativeResolution: '00.00', transmittingResolution: '00.00' };
}

export interface SreInput {
  routing: ResponseRouting;
  /** 2.059 SRF: I = identification (the person is on file), N = non-identification. */
  result: 'I' | 'N';
  /** 2.018 NAM as on file (ident) or as submitted. */
  name: string;
  /** 2.014 FBI number (ident). */
  fbiNumber?: string;
  /** 2.075 ERS: electronic rap sheet, lines of at most 72 characters. */
  rapSheet?: string;
  controllingAgencies: string[];
  attention?: string;
  caseNumber?: string;
  stateId?: string;
}

/** An SRE (submission results, electronic). */
export function buildSre(input: SreInput): Uint8Array {
  const t2 = type2(0, [
    [6, one(input.attention)],
    [9, one(input.caseNumber)],
    [14, one(input.fbiNumber)],
    [15, one(input.stateId)],
    [18, [[input.name]]],
    [59, [[input.result]]],
    [73, each(input.controllingAgencies)],
    [75, one(input.rapSheet)],
  ]);
  return assemble(responseHeader('SRE', input.routing), [t2]);
}

export interface ErrtInput {
  routing: ResponseRouting;
  /** 2.060 MSG: 1 to 11 messages of at most 300 characters. */
  messages: string[];
  attention?: string;
  caseNumber?: string;
  controllingAgencies?: string[];
}

/** An ERRT (ten-print transaction error). */
export function buildErrt(input: ErrtInput): Uint8Array {
  const t2 = type2(0, [
    [6, one(input.attention)],
    [9, one(input.caseNumber)],
    [60, input.messages.map((m) => [m])],
    [73, each(input.controllingAgencies)],
  ]);
  return assemble(responseHeader('ERRT', input.routing), [t2]);
}

/**
 * ERRT messages for violations: at most 11 of at most 300 printable ASCII characters (the MSG
 * rule); when there are more, the last says how many were left out.
 */
export function errtMessages(violations: readonly Violation[]): string[] {
  const clean = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 300);
  const msgs = violations.map((v) => clean(formatViolation(v)));
  if (msgs.length <= 11) return msgs;
  return [...msgs.slice(0, 10), clean(`${msgs.length - 10} more problems not listed`)];
}
