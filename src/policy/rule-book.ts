/**
 * A rule book: every jurisdiction's rule file, parsed, checked and linked to its parent. Built
 * from file texts (the loader reads them), so building and evaluating stay pure.
 */
import { SeccomError } from '../errors/index.ts';
import type { FactType } from './facts/vocabulary.ts';
import { compileFile, decisionType, type AncestorView, type CompiledDecision, type CompiledJurisdiction } from './language/compile.ts';
import type { Literal, PolicyFileNode } from './language/ast.ts';
import { parsePolicyFile } from './language/file-parser.ts';
import { schemaError } from './language/schema.ts';
import { REQUIRED_FEDERAL } from './outcomes.ts';

export interface RuleBook {
  readonly jurisdictions: ReadonlyMap<string, CompiledJurisdiction>;
}

export interface RuleSource {
  /** Shown in errors and explanations, e.g. policies/us-ct.policy. */
  readonly file: string;
  readonly text: string;
}

export const FEDERAL_ID = 'federal';

export function buildRuleBook(sources: readonly RuleSource[]): RuleBook {
  const nodes = new Map<string, PolicyFileNode>();
  for (const s of sources) {
    const node = parsePolicyFile(s.text, s.file);
    const seen = nodes.get(node.jurisdiction);
    if (seen) throw schemaError(s.file, node.line, `jurisdiction "${node.jurisdiction}" is already declared in ${seen.file}`);
    nodes.set(node.jurisdiction, node);
  }
  const root = nodes.get(FEDERAL_ID);
  if (!root || root.header.kind?.value !== 'federal' || root.header.parent) {
    throw new SeccomError('SECCOM_POLICY_SCHEMA', `the rule book needs one file "jurisdiction ${FEDERAL_ID}" of kind federal, without a parent`, {
      location: { file: root?.file ?? 'policies/' },
    });
  }
  const compiled = new Map<string, CompiledJurisdiction>();
  const compiling = new Set<string>();
  const compile = (id: string): CompiledJurisdiction => {
    const done = compiled.get(id);
    if (done) return done;
    const node = nodes.get(id)!;
    if (compiling.has(id)) throw schemaError(node.file, node.header.parent?.line ?? node.line, `parent chain of "${id}" loops back to itself`);
    compiling.add(id);
    const parentId = id === FEDERAL_ID ? undefined : (node.header.parent?.value ?? FEDERAL_ID);
    if (parentId !== undefined && !nodes.has(parentId)) {
      throw schemaError(node.file, node.header.parent?.line ?? node.line, `parent "${parentId}" is not declared by any rule file`);
    }
    const chain = parentId === undefined ? [] : ancestorsOf(compile(parentId), compiled);
    const j = compileFile(node, ancestorView(chain));
    checkCoverage(j, chain);
    compiled.set(id, j);
    compiling.delete(id);
    return j;
  };
  for (const id of nodes.keys()) compile(id);
  const federal = compiled.get(FEDERAL_ID)!;
  for (const name of REQUIRED_FEDERAL) {
    if (!federal.decisions.some((d) => d.name === name)) throw schemaError(federal.file, federal.line, `the federal file must decide "${name}"`);
  }
  return { jurisdictions: compiled };
}

/** The jurisdiction and its ancestors, nearest first. */
function ancestorsOf(j: CompiledJurisdiction, all: ReadonlyMap<string, CompiledJurisdiction>): CompiledJurisdiction[] {
  const out = [j];
  for (let p = j.parent; p !== undefined; p = all.get(p)!.parent) out.push(all.get(p)!);
  return out;
}

function ancestorView(chain: readonly CompiledJurisdiction[]): AncestorView {
  return {
    decisionType(name: string): FactType | undefined {
      const owner = chain.find((j) => j.decisions.some((d) => d.name === name));
      return owner && decisionType(owner.decisions.filter((d) => d.name === name));
    },
    set(name: string): readonly Literal[] | undefined {
      return chain.find((j) => j.sets.has(name))?.sets.get(name)!.items;
    },
  };
}

/** The versions that answer a reference to `name` from jurisdiction j: its own, else the nearest ancestor's. */
export function resolveDecision(name: string, chain: readonly CompiledJurisdiction[]): readonly CompiledDecision[] {
  for (const j of chain) {
    const blocks = j.decisions.filter((d) => d.name === name);
    if (blocks.length) return blocks;
  }
  return [];
}

/** Whether the ranges together cover [from, until) without a gap. */
function covers(ranges: readonly { from: string; until?: string }[], from: string, until: string | undefined): boolean {
  let cursor = from;
  for (const r of [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (r.from > cursor) break;
    if (r.until === undefined) return true;
    if (r.until > cursor) cursor = r.until;
    if (until !== undefined && cursor >= until) return true;
  }
  return false;
}

/** Every decision a version reads must itself be in force over that version's whole range. */
function checkCoverage(j: CompiledJurisdiction, ancestors: readonly CompiledJurisdiction[]): void {
  for (const d of j.decisions) {
    for (const ref of d.references) {
      const own = j.decisions.filter((x) => x.name === ref && x.line < d.line);
      const blocks = own.length ? own : resolveDecision(ref, ancestors);
      if (!covers(blocks, d.from, d.until)) {
        throw schemaError(
          j.file,
          d.line,
          `"${d.name}" (from ${d.from}${d.until ? ` until ${d.until}` : ''}) reads "${ref}", which is not in force over that whole range`,
          d.name,
        );
      }
    }
  }
}

export function getJurisdiction(book: RuleBook, id: string): CompiledJurisdiction {
  const j = book.jurisdictions.get(id);
  if (!j) {
    throw new SeccomError('SECCOM_POLICY_UNKNOWN_JURISDICTION', `unknown jurisdiction "${id}"; known: ${[...book.jurisdictions.keys()].sort().join(', ')}`, {
      location: { jurisdiction: id },
    });
  }
  return j;
}

/** federal first, the jurisdiction itself last. */
export function chainOf(book: RuleBook, id: string): CompiledJurisdiction[] {
  return ancestorsOf(getJurisdiction(book, id), book.jurisdictions).reverse();
}

/** The version of a decision in force at a date in one jurisdiction's file, if any. */
export function versionInForce(j: CompiledJurisdiction, name: string, at: string): CompiledDecision | undefined {
  return j.decisions.find((d) => d.name === name && d.from <= at && (d.until === undefined || at < d.until));
}
