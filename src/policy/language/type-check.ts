/**
 * Type checking of conditions against the fact vocabulary, at load: an unknown fact, a symbol
 * outside a fact's values, a date compared with a number — each is an error naming the line,
 * never a condition that is silently false at run time.
 */
import { collections, fieldTypes, isCollection, type FactType } from '../facts/vocabulary.ts';
import { isLocalDate } from '../time/local-date.ts';
import type { Expr, Literal, Operand } from './ast.ts';
import { literalToString } from './expression-parser.ts';

export interface TypeScope {
  /** Type of a case fact or of a decision visible from here (the scope may record the reference). */
  readonly lookup: (name: string) => FactType | undefined;
  readonly set: (name: string) => readonly Literal[] | undefined;
}

export type TypeErrorReporter = (message: string, line: number) => never;

function describe(t: FactType): string {
  return t.t === 'symbol' && t.domain ? `one of ${t.domain.join(' ')}` : t.t;
}

function checkLiteral(l: Literal, t: FactType, what: string, line: number, fail: TypeErrorReporter): void {
  const expected = t.t === 'symbol' ? 'symbol' : t.t;
  if (l.t !== expected) fail(`${what} is ${describe(t)}, compared with ${l.t} ${literalToString(l)}`, line);
  if (l.t === 'date' && !isLocalDate(l.v)) fail(`${l.v} is not a calendar date`, line);
  if (t.t === 'symbol' && t.domain && !t.domain.includes(String(l.v))) fail(`${what} is ${describe(t)}, not ${l.v}`, line);
}

export function checkCondition(e: Expr, scope: TypeScope, fail: TypeErrorReporter, item?: ReadonlyMap<string, FactType>): void {
  const operandType = (o: Operand): FactType => {
    if (o.k === 'count') {
      aggregate(o.collection, o.where, o.line);
      return { t: 'number' };
    }
    const t = item?.get(o.name) ?? scope.lookup(o.name);
    if (!t) {
      const hint = item ? ` (fields here: ${[...item.keys()].join(', ')})` : '';
      return fail(`unknown fact "${o.name}"${hint}`, o.line);
    }
    return t;
  };
  const aggregate = (collection: string, where: Expr | undefined, line: number) => {
    if (!isCollection(collection)) fail(`unknown collection "${collection}" (${Object.keys(collections).join(', ')})`, line);
    if (item) fail('any(…) and count(…) do not nest', line);
    if (where) checkCondition(where, scope, fail, fieldTypes(collection as keyof typeof collections));
  };
  switch (e.k) {
    case 'bool':
      return;
    case 'fact': {
      const t = operandType(e);
      if (t.t !== 'bool') fail(`"${e.name}" is ${describe(t)}, not true/false: compare it with a value`, e.line);
      return;
    }
    case 'not':
      return checkCondition(e.e, scope, fail, item);
    case 'and':
    case 'or':
      for (const x of e.items) checkCondition(x, scope, fail, item);
      return;
    case 'any':
      return aggregate(e.collection, e.where, e.line);
    case 'cmp': {
      const t = operandType(e.left);
      const what = e.left.k === 'fact' ? `"${e.left.name}"` : 'count(…)';
      if (t.t === 'bool') fail(`${what} is true/false: use it alone or with "not"`, e.line);
      if ((e.op !== '=' && e.op !== '!=') && t.t !== 'number' && t.t !== 'date') fail(`${what} is ${describe(t)}: only numbers and dates are ordered`, e.line);
      return checkLiteral(e.right, t, what, e.line, fail);
    }
    case 'in': {
      const t = operandType(e.left);
      const what = e.left.k === 'fact' ? `"${e.left.name}"` : 'count(…)';
      if (t.t === 'bool') fail(`${what} is true/false: "in" needs a value`, e.line);
      const list = 'list' in e.set ? e.set.list : scope.set(e.set.name);
      if (!list) return fail(`unknown set "${(e.set as { name: string }).name}"`, e.line);
      for (const l of list) checkLiteral(l, t, what, e.line, fail);
      return;
    }
  }
}
