/**
 * Conditions: `and`, `or`, `not`, parentheses; comparisons with a fact (or a count) on the left and
 * a literal on the right; `in [list]` or `in set-name`; `any(collection where …)` and
 * `count(collection where …)`. Facts on the left, values on the right, so a word on the right is
 * always a value (a symbol) and never a fact.
 */
import type { CmpOp, Expr, Literal, Operand, SetRef } from './ast.ts';
import type { Token } from './lexer.ts';

export const RESERVED = new Set(['and', 'or', 'not', 'in', 'where', 'any', 'count', 'true', 'false']);
const CMP_OPS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);

/** Thrown with a message; the caller adds file, line and rule. */
export class ExpressionSyntaxError extends Error {}

export function parseLiteral(tok: Token | undefined, what: string): Literal {
  if (!tok) throw new ExpressionSyntaxError(`expected ${what}, found end of line`);
  switch (tok.type) {
    case 'number':
      return { t: 'number', v: Number(tok.text) };
    case 'date':
      return { t: 'date', v: tok.text };
    case 'string':
      return { t: 'string', v: tok.text };
    case 'word':
      if (!RESERVED.has(tok.text)) return { t: 'symbol', v: tok.text };
  }
  throw new ExpressionSyntaxError(`expected ${what}, found "${tok.text}"`);
}

export function parseExpression(tokens: readonly Token[]): Expr {
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (text: string) => peek()?.type === 'word' && peek()!.text === text;
  const isPunct = (text: string) => peek()?.type === 'punct' && peek()!.text === text;
  const found = () => (peek() ? `"${peek()!.text}"` : 'end of line');
  const expectPunct = (text: string) => {
    if (!isPunct(text)) throw new ExpressionSyntaxError(`expected "${text}", found ${found()}`);
    i++;
  };

  /** A run of operands joined by one connective: `a or b or c`. */
  function joined(k: 'and' | 'or', operand: () => Expr): Expr {
    const line = peek()?.line ?? 0;
    const items = [operand()];
    while (isWord(k)) {
      i++;
      items.push(operand());
    }
    return items.length === 1 ? items[0]! : { k, items, line };
  }
  function orExpr(): Expr {
    return joined('or', andExpr);
  }
  function andExpr(): Expr {
    return joined('and', unary);
  }
  function unary(): Expr {
    if (isWord('not')) {
      const line = tokens[i++]!.line;
      return { k: 'not', e: unary(), line };
    }
    return primary();
  }
  function aggregate(): { collection: string; where?: Expr; line: number } {
    const line = tokens[i++]!.line;
    expectPunct('(');
    const tok = peek();
    if (tok?.type !== 'word' || RESERVED.has(tok.text)) throw new ExpressionSyntaxError(`expected a collection name, found ${found()}`);
    i++;
    let where: Expr | undefined;
    if (isWord('where')) {
      i++;
      where = orExpr();
    }
    expectPunct(')');
    return { collection: tok.text, where, line };
  }
  function primary(): Expr {
    const tok = peek();
    if (!tok) throw new ExpressionSyntaxError('expected a condition, found end of line');
    if (isPunct('(')) {
      i++;
      const e = orExpr();
      expectPunct(')');
      return e;
    }
    if (isWord('true') || isWord('false')) {
      i++;
      return { k: 'bool', v: tok.text === 'true', line: tok.line };
    }
    if (isWord('any')) return { k: 'any', ...aggregate() };
    let left: Operand;
    if (isWord('count')) left = { k: 'count', ...aggregate() };
    else if (tok.type === 'word' && !RESERVED.has(tok.text)) {
      i++;
      left = { k: 'fact', name: tok.text, line: tok.line };
    } else throw new ExpressionSyntaxError(`expected a fact, found "${tok.text}"`);
    const op = peek();
    if (op?.type === 'punct' && CMP_OPS.has(op.text)) {
      i++;
      return { k: 'cmp', op: op.text as CmpOp, left, right: parseLiteral(tokens[i++], 'a value'), line: op.line };
    }
    if (isWord('in')) {
      const line = tokens[i++]!.line;
      return { k: 'in', left, set: setRef(), line };
    }
    if (left.k === 'count') throw new ExpressionSyntaxError('count(…) must be compared with a number');
    return left;
  }
  function setRef(): SetRef {
    if (isPunct('[')) {
      i++;
      const list: Literal[] = [parseLiteral(tokens[i++], 'a value')];
      while (isPunct(',')) {
        i++;
        list.push(parseLiteral(tokens[i++], 'a value'));
      }
      expectPunct(']');
      return { list };
    }
    const tok = peek();
    if (tok?.type === 'word' && !RESERVED.has(tok.text)) {
      i++;
      return { name: tok.text };
    }
    throw new ExpressionSyntaxError(`expected [list] or a set name after "in", found ${found()}`);
  }

  const e = orExpr();
  if (i < tokens.length) throw new ExpressionSyntaxError(`unexpected "${tokens[i]!.text}" after the condition`);
  return e;
}

/** Canonical text of a condition: for explanations, and to find rules with the same condition. */
export function exprToString(e: Expr): string {
  switch (e.k) {
    case 'fact':
      return e.name;
    case 'bool':
      return String(e.v);
    case 'not':
      return `not ${wrap(e.e)}`;
    case 'and':
    case 'or':
      return e.items.map(wrap).join(` ${e.k} `);
    case 'any':
      return `${e.k}(${e.collection}${e.where ? ` where ${exprToString(e.where)}` : ''})`;
    case 'cmp':
      return `${operandToString(e.left)} ${e.op} ${literalToString(e.right)}`;
    case 'in':
      return `${operandToString(e.left)} in ${'name' in e.set ? e.set.name : `[${e.set.list.map(literalToString).join(', ')}]`}`;
  }
}

export function operandToString(o: Operand): string {
  return o.k === 'count' ? `count(${o.collection}${o.where ? ` where ${exprToString(o.where)}` : ''})` : o.name;
}

function wrap(e: Expr): string {
  return e.k === 'and' || e.k === 'or' ? `(${exprToString(e)})` : exprToString(e);
}

export function literalToString(l: Literal): string {
  return l.t === 'string' ? JSON.stringify(l.v) : String(l.v);
}
