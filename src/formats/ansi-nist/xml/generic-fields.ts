/**
 * Type-2 fields outside the EBTS 10.0 element set (user-defined fields, like 2.003 in the NIST
 * reference files) travel in ebts:StateDefinedFields, the schema's xsd:any slot for agency data
 * the FBI does not require, as `udf:Field` elements: the field number, then each subfield's items.
 */
import { SeccomError } from '../../../errors/index.ts';
import type { XmlElement } from './tree.ts';

export interface GenericField {
  num: number;
  subfields: string[][];
}

const leaf = (name: string, text: string): XmlElement => ({ name, children: [], text, line: 0 });
const node = (name: string, children: XmlElement[]): XmlElement => ({ name, children, text: '', line: 0 });

export function genericElements(fields: readonly GenericField[]): XmlElement[] {
  return fields.map((f) =>
    node('udf:Field', [leaf('udf:FieldNumber', String(f.num)), ...f.subfields.map((items) => node('udf:Subfield', items.map((v) => leaf('udf:Item', v))))]),
  );
}

/** Reads the udf:Field children of the generic element; anything else is returned as unread. */
export function readGeneric(el: XmlElement): { fields: GenericField[]; other: XmlElement[] } {
  const fields: GenericField[] = [];
  const other: XmlElement[] = [];
  for (const f of el.children) {
    const num = f.children[0]?.name === 'udf:FieldNumber' ? f.children[0].text.trim() : '';
    const subs = f.children.slice(1);
    if (f.name !== 'udf:Field' || !/^\d{1,9}$/.test(num) || !subs.every((s) => s.name === 'udf:Subfield' && s.children.every((i) => i.name === 'udf:Item'))) {
      other.push(f);
      continue;
    }
    if (fields.some((x) => x.num === Number(num))) {
      throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `field ${num} appears twice in ebts:StateDefinedFields`, { location: { line: f.line } });
    }
    fields.push({ num: Number(num), subfields: subs.map((s) => s.children.map((i) => i.text)) });
  }
  return { fields, other };
}
