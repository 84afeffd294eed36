/**
 * From syntax tree to a checked jurisdiction: schema per node, types of every condition, values
 * of the decisions the engine reads, and contradictions inside the file (versions of a decision
 * that overlap in time, rules with the same condition and different outcomes). Cross-file checks
 * (parents, coverage of referenced decisions) are in rule-book.ts.
 */
import { SeccomError } from '../../errors/index.ts';
import { caseFactTypes, collections, type FactType } from '../facts/vocabulary.ts';
import { FEDERAL_DECISIONS, LOCAL_DECISIONS } from '../outcomes.ts';
import type { DecideNode, EventNode, Literal, PolicyFileNode, RuleNode, SourceStatus } from './ast.ts';
import { exprToString, RESERVED } from './expression-parser.ts';
import { checkNode, decideSchema, eventSchema, headerSchema, ID_RE, ruleSchema, schemaError, setSchema } from './schema.ts';
import { checkCondition } from './type-check.ts';

export interface CompiledRule extends Omit<RuleNode, 'then' | 'cite'> {
  readonly then: Literal;
  readonly cite: string;
  /** Canonical text of the condition (the `when` lines joined by "and"). */
  readonly condition: string;
}

export interface CompiledDecision extends Omit<DecideNode, 'source' | 'status' | 'rules'> {
  readonly jurisdiction: string;
  readonly file: string;
  readonly source: string;
  readonly status: SourceStatus;
  readonly rules: readonly CompiledRule[];
  /** Decisions its conditions read, to check they are in force whenever this one is. */
  readonly references: ReadonlySet<string>;
}

export interface CompiledSet {
  readonly items: readonly Literal[];
  readonly line: number;
  readonly cite?: string;
}

export interface CompiledJurisdiction {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly kind: 'federal' | 'state' | 'county' | 'city';
  readonly parent?: string;
  readonly state?: string;
  readonly timeZone?: string;
  readonly source: string;
  readonly status: SourceStatus;
  readonly note?: string;
  readonly sets: ReadonlyMap<string, CompiledSet>;
  readonly events: readonly EventNode[];
  readonly decisions: readonly CompiledDecision[];
}

/** What a file can see of its ancestors. */
export interface AncestorView {
  decisionType(name: string): FactType | undefined;
  set(name: string): readonly Literal[] | undefined;
}

const ITEM_FIELDS = new Set(Object.values(collections).flatMap((c) => c.fields.map((f) => f.name)));

export function decisionType(blocks: readonly CompiledDecision[]): FactType {
  if (blocks[0]!.mode === 'sum') return { t: 'number' };
  return { t: 'symbol', domain: [...new Set(blocks.flatMap((b) => b.values ?? []))] };
}

export function overlaps(a: { from: string; until?: string }, b: { from: string; until?: string }): boolean {
  return (a.until === undefined || b.from < a.until) && (b.until === undefined || a.from < b.until);
}

export function compileFile(node: PolicyFileNode, ancestors: AncestorView): CompiledJurisdiction {
  const { file } = node;
  const headerValues = Object.fromEntries(Object.entries(node.header).map(([k, v]) => [k, v.value]));
  const header = (() => {
    const r = headerSchema.safeParse(headerValues);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw schemaError(file, node.header[key]?.line ?? node.line, `${key ? `${key}: ` : ''}${issue.message}`);
  })();
  if (!ID_RE.test(node.jurisdiction)) throw schemaError(file, node.line, `jurisdiction id "${node.jurisdiction}" must be lower-case letters, digits and -`);
  const isFederal = header.kind === 'federal';

  const sets = new Map<string, CompiledSet>();
  for (const s of node.sets) {
    const checked = checkNode(setSchema, s, file, s.line);
    if (sets.has(s.name) || ancestors.set(s.name)) throw schemaError(file, s.line, `set "${s.name}" is already defined`);
    sets.set(s.name, { items: checked.items as Literal[], line: s.line, cite: checked.cite });
  }

  const events = node.events.map((e) => {
    const checked = checkNode(eventSchema, e, file, e.line) as EventNode;
    if (checked.kind === 'all-activated' && !isFederal) throw schemaError(file, e.line, 'only the federal file may declare "all-activated"');
    return checked;
  });

  const decisions: CompiledDecision[] = [];
  const byName = new Map<string, CompiledDecision[]>();
  for (const d of node.decisions) decisions.push(compileDecision(d));

  function compileDecision(d: DecideNode): CompiledDecision {
    const checked = checkNode(decideSchema, d, file, d.line, d.name);
    const fail = (message: string, line = d.line, rule?: string): never => {
      throw schemaError(file, line, message, rule ?? d.name);
    };
    if (ITEM_FIELDS.has(d.name) || RESERVED.has(d.name) || d.name in collections) fail(`"${d.name}" is a field or keyword name; choose another decision name`);
    const federalOnly = FEDERAL_DECISIONS[d.name];
    if (federalOnly && !isFederal) fail(`only the federal file may decide "${d.name}"`);
    const known = federalOnly ?? LOCAL_DECISIONS[d.name];
    if (known && 'mode' in known && known.mode === 'sum' && d.mode !== 'sum') fail(`"${d.name}" is a sum decision`);
    if (known?.values && d.values) {
      const bad = d.values.filter((v) => !known.values!.includes(v));
      if (bad.length) fail(`"${d.name}" takes only ${known.values.join(' ')}; not ${bad.join(' ')}`);
    }
    const earlier = byName.get(d.name) ?? [];
    if (earlier.length && earlier[0]!.mode !== d.mode) fail(`"${d.name}" is a ${earlier[0]!.mode} decision at line ${earlier[0]!.line}; all its versions use one mode`);
    for (const e of earlier) {
      if (overlaps(e, d)) {
        throw new SeccomError(
          'SECCOM_POLICY_CONTRADICTION',
          `${file}:${d.line}: two versions of "${d.name}" are in force together: from ${d.from}${d.until ? ` until ${d.until}` : ''} and line ${e.line} (from ${e.from}${e.until ? ` until ${e.until}` : ''})`,
          { location: { file, line: d.line, rule: d.name } },
        );
      }
    }

    const references = new Set<string>();
    const scope = {
      lookup(name: string): FactType | undefined {
        const fact = caseFactTypes.get(name);
        if (fact) return fact;
        const own = byName.get(name);
        if (own) {
          references.add(name);
          return decisionType(own);
        }
        const inherited = ancestors.decisionType(name);
        if (inherited) references.add(name);
        return inherited;
      },
      set: (name: string) => sets.get(name)?.items ?? ancestors.set(name),
    };

    const rules: CompiledRule[] = [];
    for (const r of d.rules) {
      const c = checkNode(ruleSchema, r, file, r.line, r.id);
      const failRule = (message: string, line = r.line): never => fail(message, line, r.id);
      if (rules.some((x) => x.id === r.id)) failRule(`rule id "${r.id}" is used twice in this decision`);
      for (const w of r.when) checkCondition(w, scope, failRule);
      const then = r.then!;
      if (d.mode === 'sum') {
        if (then.t !== 'number') failRule(`a sum decision's rules give a number (a weight such as +2 or -3), not ${then.v}`);
      } else if (then.t !== 'symbol' || !d.values!.includes(then.v)) {
        failRule(`then ${then.v}: not one of the values of "${d.name}" (${d.values!.join(' ')})`);
      }
      const condition = r.when.map((w) => (r.when.length > 1 && (w.k === 'or' || w.k === 'and') ? `(${exprToString(w)})` : exprToString(w))).join(' and ');
      const same = rules.find((x) => x.condition === condition);
      if (same) {
        if (d.mode === 'agree' && String(same.then.v) !== String(then.v)) {
          throw new SeccomError(
            'SECCOM_POLICY_CONTRADICTION',
            `${file}:${r.line}: rules "${same.id}" (line ${same.line}) and "${r.id}" have the same condition and give ${same.then.v} and ${then.v}`,
            { location: { file, line: r.line, rule: r.id } },
          );
        }
        failRule(`same condition as rule "${same.id}" (line ${same.line}): ${d.mode === 'first' ? 'it can never fire' : 'it would count twice'}`);
      }
      rules.push({ id: c.id, line: r.line, when: r.when, then, cite: c.cite, note: c.note, condition });
    }
    const compiled: CompiledDecision = {
      jurisdiction: node.jurisdiction,
      file,
      name: d.name,
      mode: d.mode,
      from: checked.from,
      until: checked.until,
      line: d.line,
      values: d.values,
      default: d.default,
      source: checked.source,
      status: checked.status,
      note: checked.note,
      rules,
      references,
    };
    byName.set(d.name, [...earlier, compiled]);
    return compiled;
  }

  return {
    id: node.jurisdiction,
    file,
    line: node.line,
    name: header.name,
    kind: header.kind,
    parent: header.parent ?? (isFederal ? undefined : 'federal'),
    state: header.state,
    timeZone: header.timezone,
    source: header.source,
    status: header.status,
    note: header.note,
    sets,
    events,
    decisions,
  };
}
