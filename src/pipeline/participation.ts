/**
 * Whether a jail's bookings go on to DHS (DOMAIN.md §2), decided by the policy engine's
 * participationAt: the events of the rule files along the jail's chain (activations, requests not
 * to share, ICE's activation of everyone) together with the jail's own dated activation records,
 * with the federal opt-out policy in force deciding whether a request not to share has effect.
 */
import type { Activation } from '../domain/jurisdiction.ts';
import { evaluationDate, loadRuleBook, participationAt, type Participation, type ParticipationRecord, type RuleBook } from '../policy/index.ts';
import type { JailParticipation, ParticipationPort } from './ports.ts';
import { rulesetZone } from './rule-book-policy.ts';

const RECORDS = 'store: jurisdiction_activations';

/**
 * A jail's activation rows (each its state from a date on) as the events they record. Activation
 * is one way, as it was in the programme: a jurisdiction left only by asking not to share, so a
 * later row that is not activated adds no event. Dates are the rows' UTC calendar dates.
 */
export function activationRecords(jailId: string, rows: readonly Activation[]): ParticipationRecord[] {
  const out: ParticipationRecord[] = [];
  let activated = false;
  let requested = false;
  for (const r of [...rows].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())) {
    const date = r.effectiveFrom.toISOString().slice(0, 10);
    const cite = r.note || 'activation record';
    if (r.activated && !activated) out.push({ kind: 'activated', date, jurisdiction: jailId, cite, source: RECORDS });
    if (r.optOutRequested !== requested) out.push({ kind: r.optOutRequested ? 'requested-not-share' : 'withdrew-not-share', date, jurisdiction: jailId, cite, source: RECORDS });
    activated ||= r.activated;
    requested = r.optOutRequested;
  }
  return out;
}

/** The engine's answer in one line, for sib_results.reason. */
export function sharingReason(p: Participation): string {
  const at = (r: Participation['reasons'][number]) => `${r.event} ${r.date} (${r.jurisdiction}, ${r.file}${r.line === null ? '' : `:${r.line}`})`;
  const [activation, request, policy] = [
    p.reasons.find((r) => r.event === 'activated' || r.event === 'all-activated'),
    p.reasons.find((r) => r.event === 'requested-not-share' || r.event === 'withdrew-not-share'),
    p.reasons.find((r) => r.event === 'opt-out-policy'),
  ];
  if (!activation) return `not activated on ${p.at}`;
  if (!p.notShareRequested) return `shared: ${at(activation)}${request ? `; ${at(request)}` : ''}`;
  const effect = p.sharing ? 'without effect: participation mandatory' : 'with effect: participation withdrawable';
  return `${p.sharing ? 'shared' : 'not shared'}: ${at(activation)}; ${at(request!)} ${effect} (${policy ? `${policy.file}:${policy.line}` : p.optOutPolicy})`;
}

export function ruleBookParticipation(opts: { book?: RuleBook } = {}): ParticipationPort {
  const book = opts.book ?? loadRuleBook();
  return {
    sharing(jail: JailParticipation, arrestedAt: Date) {
      const day = evaluationDate(arrestedAt.toISOString(), rulesetZone(book, jail.rulesetId, `jail ${jail.id}`));
      const p = participationAt(book, jail.rulesetId, day, activationRecords(jail.id, jail.activations));
      return { forward: p.sharing, reason: `${jail.name}: ${sharingReason(p)}` };
    },
  };
}
