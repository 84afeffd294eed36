/**
 * `seccom policy`: the detainer clock, the evaluation of a case under any jurisdiction's rules at
 * any date (and what-if comparisons), and the validation of the rule files under policies/.
 */
import { readFileSync } from 'node:fs';
import { SeccomError } from '../../errors/index.ts';
import { parseCommandArgs, type CliIO, type Command } from '../command.ts';
import { clockRuleAt } from '../../policy/engine/clock-rule.ts';
import { evaluateCase, whatIf, type Scenario } from '../../policy/engine/evaluate-case.ts';
import { renderCaseDecision } from '../../policy/explain-text.ts';
import { parseCaseFacts, type CaseFacts } from '../../policy/facts/case-facts.ts';
import { caseFacts, collections } from '../../policy/facts/vocabulary.ts';
import { DEFAULT_POLICY_DIR, loadRuleBook } from '../../policy/loader.ts';
import { getJurisdiction } from '../../policy/rule-book.ts';
import { computeDetainerClock } from '../../policy/time/detainer-clock.ts';
import { localDateOf, parseInstant } from '../../policy/time/zoned-time.ts';

const usage = `Usage:
  seccom policy clock --release <ISO time with offset> [--tz <IANA zone>] [--rules <jurisdiction>] [--json]
      When a detainer hold that starts at the otherwise-release time must end. --rules names a
      jurisdiction (default federal: 48 hours excluding Saturdays, Sundays and federal holidays;
      us-ct: 48 hours absolute); --tz defaults to the jurisdiction's time zone.
      --json prints {"expiresAt": "...", "excludedDays": ["YYYY-MM-DD", ...]}.
  seccom policy evaluate <case.json> [--jurisdiction <id>] [--at <YYYY-MM-DD>] [--json]
      The ERO recommendation, the jail's response and the detainer clock for a case, with the
      rules that fired, their citations and the facts used (docs/policy-case-format.md).
      Defaults: the case's own jurisdiction, and the date of its booking.
  seccom policy what-if <case.json> --under <id>@<YYYY-MM-DD> [--under …] [--json]
      The same case under other jurisdictions' rules or at other dates.
  seccom policy check [--dir <policies dir>] [--json]
      Validates every rule file; prints each jurisdiction and its dated versions.
  seccom policy facts [--json]
      The facts a rule may name (docs/policy-language.md).`;

function readCase(path: string | undefined): CaseFacts {
  if (!path) throw new SeccomError('SECCOM_USAGE', `a case file is required\n\n${usage}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read ${path}: ${(e as Error).message}`, { location: { file: path } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SeccomError('SECCOM_POLICY_CASE_INVALID', `${path}: not JSON: ${(e as Error).message}`, { location: { file: path } });
  }
  return parseCaseFacts(json, path);
}

function print(io: CliIO, json: boolean, data: unknown, text: () => string): number {
  io.out(json ? JSON.stringify(data, null, 2) : text());
  return 0;
}

function clock(argv: string[], io: CliIO): number {
  const { values } = parseCommandArgs(
    argv,
    { release: { type: 'string' }, tz: { type: 'string' }, rules: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  if (!values.release) throw new SeccomError('SECCOM_USAGE', `--release is required\n\n${usage}`);
  const book = loadRuleBook();
  const jurisdiction = values.rules ?? 'federal';
  const tz = values.tz ?? getJurisdiction(book, jurisdiction).timeZone;
  if (!tz) throw new SeccomError('SECCOM_USAGE', `--tz is required: ${jurisdiction} has no time zone of its own\n\n${usage}`);
  const releaseMs = parseInstant(values.release, '--release');
  const choice = clockRuleAt(book, jurisdiction, localDateOf(releaseMs, tz));
  const c = computeDetainerClock(releaseMs, choice.rule, tz);
  const out = { expiresAt: c.expiresAt, excludedDays: c.excluded.map((x) => x.date) };
  return print(io, values.json ?? false, out, () =>
    [
      `rule: ${c.rule} (${choice.decidedBy}, ${choice.file}:${choice.line}: ${choice.source})`,
      `release: ${c.releaseAt} (${tz})`,
      `expires: ${c.expiresAt}`,
      ...c.excluded.map((x) => `skipped: ${x.date} ${x.reason}`),
    ].join('\n'),
  );
}

function evaluate(argv: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(
    argv,
    { jurisdiction: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  const facts = readCase(positionals[0]);
  const scenario = { jurisdiction: values.jurisdiction ?? facts.booking.jurisdiction, at: values.at ?? facts.booking.bookedAt };
  const d = evaluateCase(loadRuleBook(), facts, scenario);
  return print(io, values.json ?? false, d, () => renderCaseDecision(d));
}

function whatIfCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(argv, { under: { type: 'string', multiple: true }, json: { type: 'boolean' } }, usage);
  const facts = readCase(positionals[0]);
  if (!values.under?.length) throw new SeccomError('SECCOM_USAGE', `at least one --under <id>@<date> is required\n\n${usage}`);
  const scenarios: Scenario[] = values.under.map((u) => {
    const m = /^([a-z][a-z0-9-]*)@(.+)$/.exec(u);
    if (!m) throw new SeccomError('SECCOM_USAGE', `--under takes <jurisdiction>@<YYYY-MM-DD>, got "${u}"`);
    return { jurisdiction: m[1]!, at: m[2]! };
  });
  const results = whatIf(loadRuleBook(), facts, scenarios);
  return print(io, values.json ?? false, results, () => results.map(renderCaseDecision).join('\n\n'));
}

function check(argv: string[], io: CliIO): number {
  const { values } = parseCommandArgs(argv, { dir: { type: 'string' }, json: { type: 'boolean' } }, usage);
  const book = loadRuleBook(values.dir ?? DEFAULT_POLICY_DIR);
  const summary = [...book.jurisdictions.values()].map((j) => ({
    jurisdiction: j.id,
    file: j.file,
    parent: j.parent ?? null,
    status: j.status,
    events: j.events.map((e) => ({ kind: e.kind, date: e.date, status: e.status ?? j.status })),
    versions: j.decisions.map((d) => ({ decision: d.name, from: d.from, until: d.until ?? null, rules: d.rules.length, status: d.status, line: d.line })),
  }));
  return print(io, values.json ?? false, { ok: true, jurisdictions: summary }, () =>
    [
      `ok: ${summary.length} rule files`,
      ...summary.flatMap((j) => [
        `${j.jurisdiction} (${j.file}${j.parent ? `, within ${j.parent}` : ''})`,
        ...j.events.map((e) => `  event ${e.kind} ${e.date} [${e.status}]`),
        ...j.versions.map((v) => `  ${v.decision} from ${v.from}${v.until ? ` until ${v.until}` : ''}: ${v.rules} rules [${v.status}]`),
      ]),
    ].join('\n'),
  );
}

function facts(argv: string[], io: CliIO): number {
  const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
  const list = [
    ...caseFacts.map((f) => ({ scope: 'case', name: f.name, type: f.type, doc: f.doc })),
    ...Object.entries(collections).flatMap(([c, def]) => def.fields.map((f) => ({ scope: c, name: f.name, type: f.type, doc: f.doc }))),
  ];
  const typeText = (t: (typeof list)[number]['type']) => (t.t === 'symbol' && t.domain ? `one of ${t.domain.join(' ')}` : t.t);
  return print(io, values.json ?? false, list, () => list.map((f) => `${f.scope.padEnd(11)} ${f.name.padEnd(38)} ${typeText(f.type).padEnd(12)} ${f.doc}`).join('\n'));
}

const subcommands: Record<string, (argv: string[], io: CliIO) => number> = { clock, evaluate, 'what-if': whatIfCommand, check, facts };

const command: Command = {
  summary: 'detainer clock, case evaluation under any jurisdiction and date, rule-file checks',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const run = sub === undefined ? undefined : subcommands[sub];
    if (!run) throw new SeccomError('SECCOM_USAGE', `unknown policy subcommand "${sub ?? ''}"\n\n${usage}`);
    return run(rest, io);
  },
};
export default command;
