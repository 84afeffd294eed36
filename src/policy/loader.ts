/**
 * The policy engine's only I/O: reads the rule files under policies/ (one jurisdiction per
 * *.policy file) and builds the rule book. Everything else in src/policy is pure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SeccomError } from '../errors/index.ts';
import { buildRuleBook, type RuleBook, type RuleSource } from './rule-book.ts';

export const DEFAULT_POLICY_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function readRuleSources(dir = DEFAULT_POLICY_DIR): RuleSource[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.policy')).sort();
  } catch (e) {
    throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read the rule directory ${dir}: ${(e as Error).message}`, { location: { file: dir } });
  }
  return names.map((n) => {
    const path = join(dir, n);
    const shown = path.startsWith(repoRoot) ? relative(repoRoot, path) : path;
    return { file: shown, text: readFileSync(path, 'utf8') };
  });
}

const books = new Map<string, RuleBook>();

/** The rule book of a directory, built once per process. */
export function loadRuleBook(dir = DEFAULT_POLICY_DIR): RuleBook {
  let book = books.get(dir);
  if (!book) {
    book = buildRuleBook(readRuleSources(dir));
    books.set(dir, book);
  }
  return book;
}
