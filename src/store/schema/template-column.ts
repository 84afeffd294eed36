/**
 * A column of finger templates, stored as bytea: one ISO/IEC 19794-2:2005 record per finger,
 * concatenated (each record carries its own length). About a tenth of the JSON size, which keeps
 * inserts and reads of galleries and bookings cheap. Angles round to the standard's 360/256°.
 */
import { customType } from 'drizzle-orm/pg-core';
import type { FingerTemplate } from '../../biometrics/template.ts';
import { fromFingerTemplates, readMinutiaeRecord, toFingerTemplates, writeMinutiaeRecord } from '../../formats/templates/index.ts';

/** Offset of the 4-byte record length in an ISO 19794-2:2005 header. */
const lengthOffset = 8;

export function encodeTemplates(templates: readonly FingerTemplate[]): Buffer {
  return Buffer.concat(templates.map((t) => writeMinutiaeRecord(fromFingerTemplates([t], 'iso19794-2-2005'))));
}

export function decodeTemplates(bytes: Uint8Array): FingerTemplate[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: FingerTemplate[] = [];
  for (let at = 0; at < bytes.length; ) {
    const length = view.getUint32(at + lengthOffset);
    out.push(...toFingerTemplates(readMinutiaeRecord(bytes.subarray(at, at + length), 'iso19794-2-2005')));
    at += length;
  }
  return out;
}

export const fingerTemplates = customType<{ data: FingerTemplate[]; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => encodeTemplates(value),
  fromDriver: (value) => decodeTemplates(value),
});
