/**
 * The Type-1 transaction header as a typed object, read from and written to records. EBTS 9.1
 * (our rule file) requires version 0400 (ANSI/NIST-ITL 1-2007), which the builders write.
 */
import { fieldSubfields, fieldValue, textField, type AnRecord } from '../ansi-nist/model.ts';

export interface TransactionHeader {
  /** 1.004 TOT. */
  tot: string;
  /** 1.005 DAT, CCYYMMDD (local date of the sender). */
  date: string;
  /** 1.007 DAI: destination agency. */
  dai: string;
  /** 1.008 ORI: originating agency. */
  ori: string;
  /** 1.009 TCN: the sender's control number. */
  tcn: string;
  /** 1.010 TCR: the control number a response refers to. */
  tcr?: string;
  /** 1.006 PRY, 1-9. */
  priority?: string;
  /** 1.011 NSR and 1.012 NTR, pixels per mm (`19.69` = 500 ppi). */
  nativeResolution?: string;
  transmittingResolution?: string;
  /** 1.013 DOM (default NORAM version 91: the North American domain, EBTS 9.1). */
  domain?: { name: string; version?: string };
  /** 1.014 GMT, YYYYMMDDhhmmssZ. */
  gmt?: string;
  /** 1.002 VER. */
  version?: string;
}

export function readHeader(type1: AnRecord): TransactionHeader {
  const opt = (n: number) => fieldValue(type1, n) || undefined;
  const dom = fieldSubfields(type1, 13)[0];
  return {
    tot: fieldValue(type1, 4) ?? '',
    date: fieldValue(type1, 5) ?? '',
    dai: fieldValue(type1, 7) ?? '',
    ori: fieldValue(type1, 8) ?? '',
    tcn: fieldValue(type1, 9) ?? '',
    tcr: opt(10),
    priority: opt(6),
    nativeResolution: opt(11),
    transmittingResolution: opt(12),
    domain: dom?.[0] ? { name: dom[0], ...(dom[1] ? { version: dom[1] } : {}) } : undefined,
    gmt: opt(14),
    version: opt(2),
  };
}

/** A Type-1 record for the header and the records that follow it (type and IDC of each). */
export function headerRecord(h: TransactionHeader, contents: { type: number; idc: number }[]): AnRecord {
  const f = (num: number, value: string) => textField(1, num, [[value]]);
  const fields = [
    f(1, '0'),
    f(2, h.version ?? '0400'),
    textField(1, 3, [['1', String(contents.length)], ...contents.map((c) => [String(c.type), String(c.idc).padStart(2, '0')])]),
    f(4, h.tot),
    f(5, h.date),
  ];
  if (h.priority) fields.push(f(6, h.priority));
  fields.push(f(7, h.dai), f(8, h.ori), f(9, h.tcn));
  if (h.tcr) fields.push(f(10, h.tcr));
  fields.push(f(11, h.nativeResolution ?? '19.69'), f(12, h.transmittingResolution ?? '19.69'));
  // DOM is optional in the traditional encoding but required (with a version) in XML, so it is
  // always written: NORAM, version 91 for EBTS 9.1 (the rule file allows 1-5 letters or digits).
  const dom = h.domain ?? { name: 'NORAM', version: '91' };
  fields.push(textField(1, 13, [[dom.name, ...(dom.version ? [dom.version] : [])]]));
  if (h.gmt) fields.push(f(14, h.gmt));
  return { type: 1, encoding: 'tagged', fields };
}
