/**
 * Splits a rule file into statements: one per line, except that a line break inside brackets or
 * parentheses continues the statement (for long lists and conditions). `#` starts a comment.
 */
import { SeccomError } from '../../errors/index.ts';

export type TokenType = 'word' | 'number' | 'date' | 'string' | 'punct';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly line: number;
}

export interface Statement {
  readonly line: number;
  readonly tokens: readonly Token[];
}

const PATTERNS: Array<[TokenType | 'space' | 'comment', RegExp]> = [
  ['space', /[ \t\r]+/y],
  ['comment', /#[^\n]*/y],
  ['date', /\d{4}-\d{2}-\d{2}(?![\w-])/y],
  ['number', /[+-]?\d+(\.\d+)?(?![\w-])/y],
  ['string', /"(?:[^"\\\n]|\\.)*"/y],
  ['word', /[A-Za-z][A-Za-z0-9_.\-/]*/y],
  ['punct', /!=|<=|>=|[()[\],=<>]/y],
];

export function tokenize(source: string, file: string): Statement[] {
  const statements: Statement[] = [];
  let current: Token[] = [];
  let depth = 0;
  let line = 1;
  let pos = 0;
  const flush = () => {
    if (current.length) statements.push({ line: current[0]!.line, tokens: current });
    current = [];
  };
  while (pos < source.length) {
    if (source[pos] === '\n') {
      line++;
      pos++;
      if (depth === 0) flush();
      continue;
    }
    let matched = false;
    for (const [type, re] of PATTERNS) {
      re.lastIndex = pos;
      const m = re.exec(source);
      if (!m) continue;
      matched = true;
      pos += m[0].length;
      if (type === 'space' || type === 'comment') break;
      const text = type === 'string' ? unquote(m[0], file, line) : m[0];
      if (text === '(' || text === '[') depth++;
      if (text === ')' || text === ']') depth = Math.max(0, depth - 1);
      current.push({ type, text, line });
      break;
    }
    if (!matched) {
      const bad = source.slice(pos).split(/\s/)[0];
      throw new SeccomError('SECCOM_POLICY_SYNTAX', `${file}:${line}: unexpected "${bad}"`, { location: { file, line } });
    }
  }
  flush();
  return statements;
}

function unquote(literal: string, file: string, line: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new SeccomError('SECCOM_POLICY_SYNTAX', `${file}:${line}: bad escape in string ${literal}`, { location: { file, line } });
  }
}
