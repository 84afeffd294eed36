/**
 * Evaluates a checked condition over a case's fact table. Records what it read, so that a fired
 * rule can show the facts it used. An unknown value (null) makes every comparison false.
 */
import { SeccomError } from '../../errors/index.ts';
import type { Expr, Literal, Operand } from '../language/ast.ts';
import { exprToString, operandToString } from '../language/expression-parser.ts';
import type { CollectionName, FactTable, FactValue, ItemFacts } from '../facts/vocabulary.ts';

export interface FactUse {
  /** A fact, a decision, or an any/count expression. */
  readonly name: string;
  readonly value: FactValue;
  /** For any/count: the items that matched. */
  readonly items?: readonly string[];
}

export interface ConditionScope {
  readonly table: FactTable;
  /** Value of a decision already made (nearest jurisdiction first). */
  readonly decision: (name: string) => FactValue | undefined;
  readonly set: (name: string) => readonly Literal[];
}

export function evaluateCondition(e: Expr, scope: ConditionScope, uses: FactUse[]): boolean {
  return evalExpr(e, scope, uses, undefined);
}

function record(uses: FactUse[], use: FactUse): void {
  if (!uses.some((u) => u.name === use.name)) uses.push(use);
}

function readOperand(o: Operand, scope: ConditionScope, uses: FactUse[], item: ItemFacts | undefined): FactValue {
  if (o.k === 'count') {
    const matched = matches(o.collection as CollectionName, o.where, scope);
    record(uses, { name: operandToString(o), value: matched.length, items: matched });
    return matched.length;
  }
  if (item?.fields.has(o.name)) return item.fields.get(o.name)!;
  if (scope.table.facts.has(o.name)) {
    const value = scope.table.facts.get(o.name)!;
    if (!item) record(uses, { name: o.name, value });
    return value;
  }
  const value = scope.decision(o.name);
  if (value === undefined) {
    // The rule book's coverage check makes this unreachable for checked files.
    throw new SeccomError('SECCOM_INTERNAL', `decision "${o.name}" read before it was made`);
  }
  if (!item) record(uses, { name: o.name, value });
  return value;
}

function matches(collection: CollectionName, where: Expr | undefined, scope: ConditionScope): string[] {
  const items = scope.table.collections.get(collection) ?? [];
  return items.filter((it) => where === undefined || evalExpr(where, scope, [], it)).map((it) => it.label);
}

function compare(op: string, a: FactValue, b: string | number): boolean {
  if (a === null) return false;
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function evalExpr(e: Expr, scope: ConditionScope, uses: FactUse[], item: ItemFacts | undefined): boolean {
  switch (e.k) {
    case 'bool':
      return e.v;
    case 'fact':
      return readOperand(e, scope, uses, item) === true;
    case 'not':
      return !evalExpr(e.e, scope, uses, item);
    case 'and':
      return e.items.every((x) => evalExpr(x, scope, uses, item));
    case 'or':
      return e.items.some((x) => evalExpr(x, scope, uses, item));
    case 'any': {
      const matched = matches(e.collection as CollectionName, e.where, scope);
      if (!item) record(uses, { name: exprToString(e), value: matched.length > 0, items: matched });
      return matched.length > 0;
    }
    case 'cmp':
      return compare(e.op, readOperand(e.left, scope, uses, item), e.right.v);
    case 'in': {
      const value = readOperand(e.left, scope, uses, item);
      const list = 'list' in e.set ? e.set.list : scope.set(e.set.name);
      return value !== null && list.some((l) => l.v === value);
    }
  }
}
