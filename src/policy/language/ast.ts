/**
 * The parsed form of a rule file (docs/policy-language.md). Every node keeps its line so that
 * schema and type errors can name the file, line and rule.
 */
export type Literal =
  | { readonly t: 'number'; readonly v: number }
  | { readonly t: 'date'; readonly v: string }
  | { readonly t: 'symbol'; readonly v: string }
  | { readonly t: 'string'; readonly v: string };

/** A case fact, an item field, or an earlier decision. */
export type FactRef = { readonly k: 'fact'; readonly name: string; readonly line: number };

/** Something compared with a value: a fact, or a count over a collection. */
export type Operand = FactRef | { readonly k: 'count'; readonly collection: string; readonly where?: Expr; readonly line: number };

export type Expr =
  | FactRef
  | { readonly k: 'bool'; readonly v: boolean; readonly line: number }
  | { readonly k: 'not'; readonly e: Expr; readonly line: number }
  | { readonly k: 'and' | 'or'; readonly items: readonly Expr[]; readonly line: number }
  | { readonly k: 'any'; readonly collection: string; readonly where?: Expr; readonly line: number }
  | { readonly k: 'cmp'; readonly op: CmpOp; readonly left: Operand; readonly right: Literal; readonly line: number }
  | { readonly k: 'in'; readonly left: Operand; readonly set: SetRef; readonly line: number };

export type CmpOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type SetRef = { readonly list: readonly Literal[] } | { readonly name: string };

export type Mode = 'first' | 'agree' | 'sum';
export type SourceStatus = 'verified' | 'secondary' | 'unverified';

export interface RuleNode {
  readonly id: string;
  readonly line: number;
  readonly when: readonly Expr[];
  readonly then?: Literal;
  readonly cite?: string;
  readonly note?: string;
}

export interface DecideNode {
  readonly name: string;
  readonly mode: Mode;
  readonly from: string;
  readonly until?: string;
  readonly line: number;
  readonly values?: readonly string[];
  readonly default?: Literal;
  readonly source?: string;
  readonly status?: SourceStatus;
  readonly note?: string;
  readonly rules: readonly RuleNode[];
}

export type EventKind = 'activated' | 'all-activated' | 'requested-not-share' | 'withdrew-not-share';

export interface EventNode {
  readonly kind: EventKind;
  readonly date: string;
  readonly line: number;
  readonly cite?: string;
  readonly status?: SourceStatus;
  readonly note?: string;
}

export interface SetNode {
  readonly name: string;
  readonly line: number;
  readonly items: readonly Literal[];
  readonly cite?: string;
}

export interface PolicyFileNode {
  readonly file: string;
  readonly jurisdiction: string;
  readonly line: number;
  readonly header: Readonly<Record<string, { readonly value: string; readonly line: number }>>;
  readonly sets: readonly SetNode[];
  readonly events: readonly EventNode[];
  readonly decisions: readonly DecideNode[];
}
