/**
 * Whether a jurisdiction's bookings reach DHS at a date (DOMAIN.md §2): it shares once it (or a
 * jurisdiction above it) is activated, or once ICE activated everyone; a request not to share has
 * effect only while the federal opt-out policy in force says participation can be withdrawn.
 */
import type { EventNode } from '../language/ast.ts';
import type { OptOutPolicy } from '../outcomes.ts';
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

export function participation(ev: ChainEvaluation): Participation {
  const past = ev.chain.flatMap((j) =>
    j.events.filter((e) => e.date <= ev.at).map((e) => ({ jurisdiction: j.id, file: j.file, e })),
  );
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
  const policyTrace = requireFederal(ev, 'opt-out-policy');
  const optOutPolicy = policyTrace.value as OptOutPolicy;
  if (notShareRequested) {
    reasons.push({
      jurisdiction: policyTrace.jurisdiction,
      event: 'opt-out-policy',
      date: policyTrace.version.from,
      cite: policyTrace.version.source,
      file: policyTrace.file,
      line: policyTrace.version.line,
    });
  }
  const activated = activation !== undefined;
  return {
    jurisdiction: ev.jurisdiction,
    at: ev.at,
    activated,
    notShareRequested,
    optOutPolicy,
    sharing: activated && !(notShareRequested && optOutPolicy === 'withdrawable'),
    reasons,
  };
}
