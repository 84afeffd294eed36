/**
 * Plain-text rendering of a decision and its reasons, for the CLI and for logs: the outcome, each
 * decision with the rules that fired, their citations and the facts they used.
 */
import type { DecisionTrace } from './engine/decide.ts';
import type { CaseDecision } from './engine/evaluate-case.ts';
import type { FactValue } from './facts/vocabulary.ts';

function value(v: FactValue): string {
  if (v === null) return 'unknown';
  return typeof v === 'number' && !Number.isFinite(v) ? 'life' : String(v);
}

export function renderTraces(traces: readonly DecisionTrace[], indent = '  '): string[] {
  const out: string[] = [];
  for (const t of traces) {
    const until = t.version.until ? ` until ${t.version.until}` : '';
    out.push(`${indent}${t.decision} = ${t.value}${t.byDefault ? ' (default: no rule fired)' : ''}  [${t.file}:${t.version.line}, from ${t.version.from}${until}, ${t.version.status}]`);
    out.push(`${indent}  version: ${t.version.source}`);
    if (t.version.note) out.push(`${indent}  note: ${t.version.note}`);
    for (const f of t.fired) {
      out.push(`${indent}  - rule ${f.rule} (line ${f.line}) → ${f.value}: when ${f.condition}`);
      out.push(`${indent}    cite: ${f.cite}`);
      if (f.note) out.push(`${indent}    note: ${f.note}`);
      for (const u of f.facts) {
        out.push(`${indent}    fact: ${u.name} = ${value(u.value)}${u.items?.length ? ` (${u.items.join('; ')})` : ''}`);
      }
    }
  }
  return out;
}

export function renderCaseDecision(d: CaseDecision): string {
  const p = d.participation;
  const out = [
    `case ${d.caseId} under ${d.jurisdiction} on ${d.at}`,
    `participation: ${p.sharing ? 'prints shared with DHS' : 'prints not shared'} (activated: ${p.activated}, not-share requested: ${p.notShareRequested}, opt-out policy: ${p.optOutPolicy})`,
    ...p.reasons.map((r) => `  ${r.event} ${r.date} (${r.jurisdiction}, ${r.file}${r.line === null ? '' : `:${r.line}`}): ${r.cite}`),
  ];
  const e = d.ero;
  out.push(
    `ERO: action ${e.action}; charge ${e.chargeLevel}, conviction ${e.convictionLevel} (removal category ${e.removalCategory}); priority ${e.priority ?? 'none in force'}; discretion ${e.discretion ? `score ${e.discretion.score}` : 'none in force'}`,
  );
  if (e.discretion?.officerReasons) out.push(`  officer's reasons: ${e.discretion.officerReasons}`);
  if (e.escalation) out.push(`  ESCALATED: ${e.escalation}`);
  for (const s of e.safeguards) out.push(`  safeguard ${s.id}: ${s.effect} — ${s.cite}`);
  out.push(...renderTraces(e.explanation));
  if (d.jail) {
    const j = d.jail;
    const acts = [j.hold && 'hold', j.notify && 'notify', j.transfer && 'transfer'].filter(Boolean).join(' + ') || 'nothing';
    out.push(`jail: ${j.response} the ${j.request} (${acts}), decided by ${j.decidedBy}; clock ${j.clockRule} (${j.clockDecidedBy})`);
    if (j.escalation) out.push(`  ESCALATED: ${j.escalation}`);
    for (const s of j.safeguards) out.push(`  safeguard ${s.id}: ${s.effect} — ${s.cite}`);
    out.push(...renderTraces(j.explanation));
  } else {
    out.push('jail: no request to answer');
  }
  if (d.clock) {
    const c = d.clock;
    out.push(`clock: ${c.rule}, released ${c.releaseAt}, hold ends at ${c.expiresAt}${c.excluded.length ? `; skipped ${c.excluded.map((x) => `${x.date} (${x.reason})`).join(', ')}` : ''}`);
  }
  return out.join('\n');
}
