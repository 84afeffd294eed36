/**
 * `seccom nist`: dump, validate and convert ANSI/NIST-ITL transactions (traditional encoding, or
 * NIEM XML when the file name ends in .xml).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { SeccomError } from '../../errors/index.ts';
import { parseCommandArgs, type CliIO, type Command } from '../command.ts';
import {
  an2kText,
  dumpJson,
  errorsOf,
  formatViolation,
  parseAnsiNist,
  readAnsiNist,
  sha256Hex,
  writeAnsiNist,
  type ReadResult,
  type Violation,
} from '../../formats/ansi-nist/index.ts';
import { parseAnsiNistXml, readAnsiNistXml, validateXsd, writeAnsiNistXml, type UnmappedElement } from '../../formats/ansi-nist/xml/index.ts';
import { loadEbtsRules, validateEbts } from '../../formats/ebts/index.ts';

const usage = `Usage:
  seccom nist dump FILE [--json]
      Every field of every record. Text: one line per item as NBIS an2k2txt prints it
      (record.field.subfield.item [type.field]=value), image data as its size and SHA-256.
      --json: {"records":[{"type":T,"idc":I,"fields":{"1.002":"0400",...}}]}; a field with
      several items is [[items of subfield 1],...]; image data is {"bytes":N,"sha256":"..."}.
  seccom nist validate FILE [--tot TOT | --ebts] [--rules VERIFICATION_FILE] [--json]
      Checks structure (LEN, CNT, IDC, separators, character sets, image headers), the XSDs for
      .xml files, and with --tot the EBTS rules of that type of transaction (--ebts: the file's
      own 1.004 TOT). Exits 0 when valid (warnings allowed), else non-zero listing every problem.
  seccom nist convert IN OUT
      Traditional <-> NIEM XML, chosen by the .xml extension. Refuses (SECCOM_ANSI_NIST_XML_UNMAPPED)
      rather than drop a field the XML mapping does not cover; XML output is checked against the XSDs.`;

const isXml = (path: string) => extname(path).toLowerCase() === '.xml';

function readInput(path: string | undefined): Buffer {
  if (!path) throw new SeccomError('SECCOM_USAGE', `a FILE is required\n\n${usage}`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read ${path}: ${(e as Error).message}`, { location: { file: path } });
  }
}

function parseAny(path: string): ReadResult & { unmapped: UnmappedElement[] } {
  const bytes = readInput(path);
  return isXml(path) ? parseAnsiNistXml(bytes.toString('utf8')) : { ...parseAnsiNist(bytes), unmapped: [] };
}

function dump(argv: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
  const path = positionals[0];
  if (!path) throw new SeccomError('SECCOM_USAGE', `a FILE is required\n\n${usage}`);
  const { file, violations, unmapped } = parseAny(path);
  if (values.json) io.out(JSON.stringify({ ...dumpJson(file), ...(unmapped.length ? { unmapped } : {}) }));
  else io.out(an2kText(file, (_r, _f, bytes) => `<binary ${bytes.length} bytes sha256 ${sha256Hex(bytes)}>`).replace(/\x1f\n/g, '\n'));
  for (const v of violations) io.err(formatViolation(v));
  for (const u of unmapped) io.err(`unmapped XML element (not in the dump): record ${u.record} ${u.path} (line ${u.line})`);
  return 0;
}

/** Runs every check; structural errors that stop the reader become one more violation. */
async function collect(path: string, tot: string | undefined, ownTot: boolean, rulesPath: string | undefined): Promise<Violation[]> {
  let result: ReadResult;
  try {
    result = parseAny(path);
  } catch (e) {
    if (!(e instanceof SeccomError) || e.code === 'SECCOM_FILE_NOT_FOUND') throw e;
    const earlier = ((e.details as { violations?: Violation[] } | undefined)?.violations ?? []) as Violation[];
    return [...earlier, { code: e.code, severity: 'error', message: e.message, location: e.location ?? {} }];
  }
  const out = [...result.violations];
  if (isXml(path)) {
    for (const x of await validateXsd([readInput(path).toString('utf8')])) {
      out.push({ code: 'SECCOM_ANSI_NIST_XML_INVALID', severity: 'error', message: x.message, location: x.line ? { line: x.line } : {} });
    }
  }
  if (tot !== undefined || ownTot) out.push(...validateEbts(result.file, loadEbtsRules(rulesPath), tot));
  return out;
}

async function validate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { tot: { type: 'string' }, ebts: { type: 'boolean' }, rules: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  const path = positionals[0];
  if (!path) throw new SeccomError('SECCOM_USAGE', `a FILE is required\n\n${usage}`);
  const violations = await collect(path, values.tot?.toUpperCase(), values.ebts ?? false, values.rules);
  const errors = errorsOf(violations);
  if (values.json) io.out(JSON.stringify({ valid: errors.length === 0, violations }, null, 2));
  else {
    for (const v of violations) io.out(formatViolation(v));
    io.out(errors.length === 0 ? `${path}: valid` : `${path}: ${errors.length} problem(s)`);
  }
  return errors.length === 0 ? 0 : new SeccomError(errors[0]!.code, errors[0]!.message).exitCode;
}

async function convert(argv: string[], io: CliIO): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, usage);
  const [input, output] = positionals;
  if (!input || !output) throw new SeccomError('SECCOM_USAGE', `IN and OUT are required\n\n${usage}`);
  const bytes = readInput(input);
  const file = isXml(input) ? readAnsiNistXml(bytes.toString('utf8')).file : readAnsiNist(bytes);
  let out: string | Uint8Array;
  if (isXml(output)) {
    out = writeAnsiNistXml(file);
    const errors = await validateXsd([out]);
    if (errors.length > 0) {
      // xmllint names the element after a missing required one; say what the data lacks.
      const noDomain = !file.records[0]?.fields.some((f) => f.num === 13) ? ' (the transaction has no 1.013 DOM, which ansi-nist:TransactionDomain requires)' : '';
      throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `the XML written for ${input} fails the XSDs${noDomain}: ${errors[0]!.message}`, {
        location: errors[0]!.line ? { file: output, line: errors[0]!.line } : { file: output },
        details: { errors },
      });
    }
  } else out = writeAnsiNist(file);
  writeFileSync(output, out);
  io.out(`${input} -> ${output}: ${file.records.length} records`);
  return 0;
}

const command: Command = {
  summary: 'dump, validate and convert ANSI/NIST-ITL / EBTS transactions',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'dump') return dump(rest, io);
    if (sub === 'validate') return validate(rest, io);
    if (sub === 'convert') return convert(rest, io);
    throw new SeccomError('SECCOM_USAGE', `unknown nist subcommand "${sub ?? ''}"\n\n${usage}`);
  },
};
export default command;
