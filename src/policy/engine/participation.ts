/**
 * Whether a jurisdiction's bookings reach DHS at a date (DOMAIN.md §2): it shares once it (or a
 * jurisdiction above it) is activated, or once ICE activated everyone; a request not to share has
 * effect only while the federal opt-out policy in force says participation can be withdrawn.
 */
import { SeccomError } from '../../errors/index.ts';
import type { EventNode } from '../language/ast.ts';
import type { CompiledJurisdiction } from '../language/compile.ts';
import type { OptOutPolicy } from '../outcomes.ts';
import { chainOf, type RuleBook } from '../rule-book.ts';
import type { LocalDate } from '../time/local-date.ts';
import { caseFreeVersion } from './case-free.ts';
import { requireFederal, type ChainEvaluation } from './evaluate-chain.ts';

export interface ParticipationReason {
  readonly jurisdiction: string;
  readonly event: EventNode['kind'] | 'opt-out-policy';
  readonly date: string;
  readonly cite: string;
  readonly file: string;
  readonly line: number;
}

export interface Participation {
  readonly jurisdiction: string;
  readonly at: string;
  readonly activated: boolean;
  readonly notShareRequested: boolean;
  readonly optOutPolicy: OptOutPolicy;
  /** Prints go on to DHS IDENT. */
  readonly sharing: boolean;
  readonly reasons: readonly ParticipationReason[];
}

/** The federal opt-out policy in force, as the reasons cite it. */
interface OptOutPolicyVersion {
  readonly value: OptOutPolicy;
  readonly jurisdiction: string;
  readonly file: string;
  readonly from: string;
  readonly source: string;
  readonly line: number;
}

/** Participation as part of a case's evaluation. */
export function participation(ev: ChainEvaluation): Participation {
  const t = requireFederal(ev, 'opt-out-policy');
  const policy = { value: t.value as OptOutPolicy, jurisdiction: t.jurisdiction, file: t.file, from: t.version.from, source: t.version.source, line: t.version.line };
  return participationOf(ev.chain, ev.jurisdiction, ev.at, policy);
}

/** Participation without a case: for the CJIS hop, which decides whether prints go on to DHS. */
export function participationAt(book: RuleBook, jurisdiction: string, at: LocalDate): Participation {
  const chain = chainOf(book, jurisdiction);
  const v = caseFreeVersion(chain[0]!, 'opt-out-policy', at);
  if (!v) {
    throw new SeccomError('SECCOM_POLICY_NOT_IN_FORCE', `no federal opt-out policy is in force on ${at} (${chain[0]!.file})`, {
      location: { file: chain[0]!.file, rule: 'opt-out-policy', date: at },
    });
  }
  const policy = { value: v.default!.v as OptOutPolicy, jurisdiction: v.jurisdiction, file: v.file, from: v.from, source: v.source, line: v.line };
  return participationOf(chain, jurisdiction, at, policy);
}

function participationOf(chain: readonly CompiledJurisdiction[], jurisdiction: string, at: LocalDate, policy: OptOutPolicyVersion): Participation {
  const past = chain.flatMap((j) => j.events.filter((e) => e.date <= at).map((e) => ({ jurisdiction: j.id, file: j.file, e })));
  const reason = (x: (typeof past)[number]): ParticipationReason => ({
    jurisdiction: x.jurisdiction,
    event: x.e.kind,
    date: x.e.date,
    cite: x.e.cite!,
    file: x.file,
    line: x.e.line,
  });
  const reasons: ParticipationReason[] = [];
  const activation = past
    .filter((x) => x.e.kind === 'activated' || x.e.kind === 'all-activated')
    .reduce<(typeof past)[number] | undefined>((a, x) => (a === undefined || x.e.date < a.e.date ? x : a), undefined);
  if (activation) reasons.push(reason(activation));
  // The latest request or withdrawal decides; on the same day the nearer jurisdiction's.
  const requests = past.filter((x) => x.e.kind === 'requested-not-share' || x.e.kind === 'withdrew-not-share');
  const latest = requests.reduce<(typeof past)[number] | undefined>((a, x) => (a === undefined || x.e.date >= a.e.date ? x : a), undefined);
  const notShareRequested = latest?.e.kind === 'requested-not-share';
  if (latest) reasons.push(reason(latest));
  if (notShareRequested) {
    reasons.push({ jurisdiction: policy.jurisdiction, event: 'opt-out-policy', date: policy.from, cite: policy.source, file: policy.file, line: policy.line });
  }
  const activated = activation !== undefined;
  return {
    jurisdiction,
    at,
    activated,
    notShareRequested,
    optOutPolicy: policy.value,
    sharing: activated && !(notShareRequested && policy.value === 'withdrawable'),
    reasons,
  };
}
