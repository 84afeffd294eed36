/** Readers for the CJIS answers: SRE (search results) and ERRT (error). */
import { SeccomError } from '../../errors/index.ts';
import { fieldSubfields, fieldValue } from '../ansi-nist/model.ts';
import { readAnsiNist } from '../ansi-nist/index.ts';
import { readHeader, type TransactionHeader } from './header.ts';

export interface SreResponse {
  tot: 'SRE';
  header: TransactionHeader;
  result: 'I' | 'N';
  name: string;
  fbiNumber?: string;
  rapSheet?: string;
  controllingAgencies: string[];
}

export interface ErrtResponse {
  tot: 'ERRT';
  header: TransactionHeader;
  messages: string[];
}

/** Reads an SRE or ERRT; any other TOT is SECCOM_EBTS_UNKNOWN_TOT. */
export function readResponse(bytes: Uint8Array): SreResponse | ErrtResponse {
  const file = readAnsiNist(bytes);
  const header = readHeader(file.records[0]!);
  const t2 = file.records.find((r) => r.type === 2) ?? { type: 2, encoding: 'tagged' as const, fields: [] };
  if (header.tot === 'SRE') {
    const srf = fieldValue(t2, 59);
    if (srf !== 'I' && srf !== 'N') {
      throw new SeccomError('SECCOM_EBTS_BAD_FIELD', `SRE 2.059 SRF must be I or N, got "${srf ?? ''}"`, { location: { record: 2, field: '2.059' } });
    }
    return {
      tot: 'SRE',
      header,
      result: srf,
      name: fieldValue(t2, 18) ?? '',
      fbiNumber: fieldValue(t2, 14) || undefined,
      rapSheet: fieldValue(t2, 75) || undefined,
      controllingAgencies: fieldSubfields(t2, 73).map((s) => s[0] ?? ''),
    };
  }
  if (header.tot === 'ERRT') return { tot: 'ERRT', header, messages: fieldSubfields(t2, 60).map((s) => s[0] ?? '') };
  throw new SeccomError('SECCOM_EBTS_UNKNOWN_TOT', `expected an SRE or ERRT response, got TOT "${header.tot}"`, {
    location: { record: 1, field: '1.004' },
  });
}
