/**
 * Turns the statements of one rule file into its syntax tree. Structure comes from keywords, not
 * indentation: `decide` opens a decision block, `rule` a rule inside it, `event` and `set` their
 * own blocks; attribute lines (`when`, `then`, `cite` …) belong to the block opened last.
 */
import { SeccomError } from '../../errors/index.ts';
import type { DecideNode, EventNode, Expr, Literal, Mode, PolicyFileNode, RuleNode, SetNode, SourceStatus } from './ast.ts';
import { ExpressionSyntaxError, parseExpression, parseLiteral } from './expression-parser.ts';
import { tokenize, type Statement, type Token } from './lexer.ts';

const HEADER_KEYS = new Set(['name', 'kind', 'parent', 'state', 'timezone', 'source', 'status', 'note']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

export function parsePolicyFile(source: string, file: string): PolicyFileNode {
  const statements = tokenize(source, file);
  const header: Record<string, { value: string; line: number }> = {};
  const sets: Mutable<SetNode>[] = [];
  const events: Mutable<EventNode>[] = [];
  const decisions: Mutable<DecideNode>[] = [];
  let jurisdiction: { id: string; line: number } | undefined;
  let block: { kind: 'decide'; node: Mutable<DecideNode> } | { kind: 'event'; node: Mutable<EventNode> } | { kind: 'set'; node: Mutable<SetNode> } | undefined;
  let rule: Mutable<RuleNode> | undefined;
  let line = 0;

  const fail = (message: string): never => {
    const ruleId = rule?.id ?? (block?.kind === 'decide' ? block.node.name : undefined);
    throw new SeccomError('SECCOM_POLICY_SYNTAX', `${file}:${line}: ${message}${ruleId ? ` (in ${ruleId})` : ''}`, {
      location: { file, line, ...(ruleId ? { rule: ruleId } : {}) },
    });
  };
  const words = (st: Statement, from: number, count: number, what: string): string[] => {
    const toks = st.tokens.slice(from);
    if (toks.length !== count) fail(`${st.tokens[0]!.text} takes ${what}`);
    return toks.map((t) => t.text);
  };
  const one = (st: Statement, what: string, type?: Token['type']): string => {
    const [v] = words(st, 1, 1, what);
    if (type && st.tokens[1]!.type !== type) fail(`${st.tokens[0]!.text} takes ${what}, found "${v}"`);
    return v!;
  };
  const set1 = <T extends object, K extends keyof T>(node: T, key: K, value: T[K]) => {
    if (node[key] !== undefined) fail(`"${String(key)}" given twice`);
    node[key] = value;
  };
  const literal = (tok: Token | undefined, what: string): Literal => {
    try {
      return parseLiteral(tok, what);
    } catch (e) {
      return fail((e as Error).message);
    }
  };

  for (const st of statements) {
    line = st.line;
    const head = st.tokens[0]!;
    if (head.type !== 'word') fail(`a statement starts with a keyword, found "${head.text}"`);
    const kw = head.text;
    if (!jurisdiction) {
      if (kw !== 'jurisdiction') fail('the file must start with "jurisdiction <id>"');
      jurisdiction = { id: one(st, 'one id', 'word'), line };
      continue;
    }
    switch (kw) {
      case 'jurisdiction':
        fail('only one "jurisdiction" per file');
        break;
      case 'decide': {
        const [name, mode, fromKw, from, untilKw, until] = words(st, 1, st.tokens.length === 7 ? 6 : 4, '<name> <mode> from <date> [until <date>]');
        if (fromKw !== 'from' || (untilKw !== undefined && untilKw !== 'until')) fail('expected "decide <name> <mode> from <date> [until <date>]"');
        const node: Mutable<DecideNode> = { name: name!, mode: mode as Mode, from: from!, until, line, rules: [] };
        decisions.push(node);
        block = { kind: 'decide', node };
        rule = undefined;
        break;
      }
      case 'rule': {
        if (block?.kind !== 'decide') fail('"rule" belongs inside a "decide" block');
        rule = undefined;
        const node: Mutable<RuleNode> = { id: one(st, 'one id', 'word'), line, when: [] };
        (block as { node: Mutable<DecideNode> }).node.rules.push(node);
        rule = node;
        break;
      }
      case 'event': {
        const [kind, date] = words(st, 1, 2, '<kind> <date>');
        const node: Mutable<EventNode> = { kind: kind as EventNode['kind'], date: date!, line };
        events.push(node);
        block = { kind: 'event', node };
        rule = undefined;
        break;
      }
      case 'set': {
        const name = st.tokens[1];
        if (name?.type !== 'word' || st.tokens[2]?.text !== '[' || st.tokens.at(-1)!.text !== ']') fail('expected "set <name> [value, value, …]"');
        const items: Literal[] = [];
        const inner = st.tokens.slice(3, -1);
        for (let i = 0; i < inner.length; i += 2) {
          items.push(literal(inner[i], 'a value'));
          if (i + 1 < inner.length && inner[i + 1]!.text !== ',') fail(`expected "," between values, found "${inner[i + 1]!.text}"`);
        }
        const node: Mutable<SetNode> = { name: name!.text, line, items };
        sets.push(node);
        block = { kind: 'set', node };
        rule = undefined;
        break;
      }
      case 'when': {
        if (!rule) fail('"when" belongs inside a "rule"');
        try {
          rule!.when.push(parseExpression(st.tokens.slice(1)) as Expr);
        } catch (e) {
          if (e instanceof ExpressionSyntaxError) fail(e.message);
          throw e;
        }
        break;
      }
      case 'then':
        if (!rule) fail('"then" belongs inside a "rule"');
        if (st.tokens.length !== 2) fail('"then" takes one value');
        set1(rule!, 'then', literal(st.tokens[1], 'a value'));
        break;
      case 'cite':
      case 'note': {
        const text = one(st, 'one "quoted text"', 'string');
        if (rule) set1(rule, kw, text);
        else if (block?.kind === 'event') set1(block.node, kw, text);
        else if (block?.kind === 'set' && kw === 'cite') set1(block.node, 'cite', text);
        else if (block?.kind === 'decide' && kw === 'note') set1(block.node, 'note', text);
        else if (!block && kw === 'note') setHeader(kw, text);
        else fail(`"${kw}" does not belong here`);
        break;
      }
      case 'values': {
        if (block?.kind !== 'decide' || rule) fail('"values" belongs in a "decide" block, before its rules');
        if (st.tokens.length < 2) fail('"values" lists at least one value');
        set1((block as { node: Mutable<DecideNode> }).node, 'values', st.tokens.slice(1).map((t) => literal(t, 'a value name').v as string));
        break;
      }
      case 'default':
        if (block?.kind !== 'decide' || rule) fail('"default" belongs in a "decide" block, before its rules');
        if (st.tokens.length !== 2) fail('"default" takes one value');
        set1((block as { node: Mutable<DecideNode> }).node, 'default', literal(st.tokens[1], 'a value'));
        break;
      case 'source':
      case 'status': {
        const value = one(st, kw === 'source' ? 'one "quoted text"' : 'verified, secondary or unverified', kw === 'source' ? 'string' : 'word');
        if (!block) setHeader(kw, value);
        else if (block.kind === 'decide' && !rule) set1(block.node, kw, value as SourceStatus);
        else if (block.kind === 'event' && kw === 'status') set1(block.node, 'status', value as SourceStatus);
        else fail(`"${kw}" does not belong here`);
        break;
      }
      default:
        if (!HEADER_KEYS.has(kw)) fail(`unknown keyword "${kw}"`);
        if (block) fail(`"${kw}" belongs in the file header, before the first block`);
        setHeader(kw, one(st, kw === 'name' ? 'one "quoted text"' : 'one value'));
    }
  }
  function setHeader(key: string, value: string) {
    if (header[key]) fail(`"${key}" given twice`);
    header[key] = { value, line };
  }
  if (!jurisdiction) {
    line = 1;
    fail('empty rule file: it must start with "jurisdiction <id>"');
  }
  return { file, jurisdiction: jurisdiction!.id, line: jurisdiction!.line, header, sets, events, decisions };
}
