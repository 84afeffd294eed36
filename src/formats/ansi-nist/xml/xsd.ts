/**
 * Schema validation of NIEM XML transactions against the EBTS 10.0 / ITL 2011 XSDs, with
 * libxml2 (xmllint-wasm, run in a worker). The XSD files are read once per directory; validation
 * is asynchronous and costs a schema compile per call, so batch documents and keep it off hot
 * paths. XSDs come from `dir`, else $SECCOM_EBTS_XSD_DIR, else the shared test data.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { SeccomError } from '../../../errors/index.ts';

export const defaultXsdDir = fileURLToPath(
  new URL('../../../../../shared/data/ebts/ojbc-xml/ebts-10.0-ws-specification/Inc4_External_Service_Contracts_v1.1/external/xsd', import.meta.url),
);

/** The schema whose root element (itl:NISTBiometricInformationExchangePackage) the documents use. */
const mainSchema = 'ebts/10.0/itl/2011/itl.xsd';

interface SchemaSet {
  main: { fileName: string; contents: string };
  preload: { fileName: string; contents: string }[];
}

const loaded = new Map<string, SchemaSet>();

function schemaSet(dir: string): SchemaSet {
  const hit = loaded.get(dir);
  if (hit) return hit;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.xsd')) files.push(p);
    }
  };
  try {
    walk(dir);
  } catch (e) {
    throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read the EBTS XSD folder: ${(e as Error).message}`, { location: { file: dir } });
  }
  // The XSDs import each other by relative path, so they keep their folder layout under xsd/.
  const preload = files.map((p) => ({ fileName: `xsd/${relative(dir, p)}`, contents: readFileSync(p, 'utf8') }));
  const main = preload.find((f) => f.fileName === `xsd/${mainSchema}`);
  if (!main) throw new SeccomError('SECCOM_FILE_NOT_FOUND', `no ${mainSchema} under ${dir}`, { location: { file: dir } });
  const set = { main, preload };
  loaded.set(dir, set);
  return set;
}

export interface XsdError {
  /** Index of the document in the batch. */
  document: number;
  line: number | undefined;
  message: string;
}

/** Validates one or more XML documents; resolves to the schema errors (empty when all are valid). */
export async function validateXsd(documents: string[], dir: string = process.env.SECCOM_EBTS_XSD_DIR ?? defaultXsdDir): Promise<XsdError[]> {
  if (documents.length === 0) return [];
  const { main, preload } = schemaSet(dir);
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: `document-${i}.xml`, contents })),
    schema: [main],
    preload,
    maxMemoryPages: memoryPages.GiB,
  });
  return result.errors.map((e) => {
    const m = /^document-(\d+)\.xml$/.exec(e.loc?.fileName ?? '');
    return { document: m ? Number(m[1]) : -1, line: e.loc?.lineNumber, message: e.message };
  });
}

/** Throws SECCOM_ANSI_NIST_XML_INVALID listing the schema errors of a document. */
export async function assertValidXsd(document: string, dir?: string): Promise<void> {
  const errors = await validateXsd([document], dir);
  if (errors.length > 0) {
    throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `XSD validation failed: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, {
      location: errors[0]!.line ? { line: errors[0]!.line } : {},
      details: { errors },
    });
  }
}
