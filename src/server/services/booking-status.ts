/**
 * Where a booking is in the flow (DOMAIN.md §1), from the records each stage wrote: the current
 * step with a readable status for lists, and the stage-by-stage timeline for the detail view.
 */
import type { DetainerState } from '../../domain/detainer.ts';
import type { Outcome } from '../../pipeline/topics.ts';
import type { BookingRecord } from '../../store/queries/bookings.ts';
import type { Step, TimelineEntry } from '../contract/bookings.ts';
import { zoned } from './zoned.ts';

export interface Progress {
  hasSib: boolean;
  forwardedToDhs: boolean | null;
  hasCjis: boolean;
  identOutcome: string | null;
  hasIaq: boolean;
  hasIar: boolean;
  action: string | null;
  detainerState: string | null;
  outcome: string | null;
  /** A person has yet to send the IAR (LESC) or decide (ERO) in the console. */
  lescPending: boolean;
  eroPending: boolean;
  /** ICE asked to be told of the release and the jail told it (the request went through notified). */
  notified: boolean;
}

const outcomeLabels: Readonly<Record<Outcome, string>> = {
  not_shared: 'Closed: prints not shared with DHS',
  no_ident_match: 'Closed: no IDENT match',
  no_action: 'Closed: ICE took no action',
  released: 'Closed: released',
  custody_transferred: 'Closed: custody transferred to ICE',
};
const notifiedLabel = 'Closed: released, ICE notified of the release time';

const detainerLabels: Readonly<Record<DetainerState, string>> = {
  requested: 'Detainer issued, on its way to the jail',
  lodged: "Detainer lodged: awaiting the jail's answer",
  honoured: 'Held on a detainer',
  declined: 'Detainer declined: release pending',
  lapsed: 'Hold lapsed: release pending',
  cancelled: 'Detainer cancelled',
  notified: 'ICE notified of the release time',
  custody_transferred: 'Custody transferred to ICE',
  released: 'Released',
};

export function currentStep(p: Progress): { step: Step; status: string } {
  if (p.outcome) return { step: 'outcome', status: p.outcome === 'released' && p.notified ? notifiedLabel : (outcomeLabels[p.outcome as Outcome] ?? `Closed: ${p.outcome}`) };
  if (p.detainerState) {
    const step: Step = p.detainerState === 'requested' ? 'detainer' : 'jail';
    return { step, status: detainerLabels[p.detainerState as DetainerState] ?? `Detainer ${p.detainerState}` };
  }
  if (p.lescPending) return { step: 'lesc', status: 'Awaiting the LESC analyst (IAQ received)' };
  if (p.hasIar) return { step: 'ero', status: p.action ? `ICE decided: ${p.action}` : p.eroPending ? 'Awaiting the ICE officer (ERO)' : 'Awaiting the ICE (ERO) decision' };
  if (p.hasIaq) return { step: 'lesc', status: 'Awaiting the LESC answer (IAQ sent)' };
  if (p.identOutcome) return { step: 'lesc', status: p.identOutcome === 'match' ? 'IDENT match: IAQ to LESC' : 'IDENT: no match' };
  if (p.hasCjis) return { step: 'ident', status: p.forwardedToDhs === false ? 'Not shared with DHS' : 'Searching IDENT (DHS)' };
  if (p.hasSib) return { step: 'cjis', status: 'Searching the FBI criminal file (CJIS)' };
  return { step: 'sib', status: 'At the state identification bureau' };
}

const stepLabels: Readonly<Record<Step, string>> = {
  booking: 'Booked by the jail',
  sib: 'State identification bureau',
  cjis: 'FBI CJIS criminal search',
  ident: 'DHS IDENT fingerprint search',
  lesc: 'ICE LESC (IAQ / IAR)',
  ero: 'ICE ERO decision',
  detainer: 'Detainer',
  jail: "Jail's answer",
  outcome: 'Outcome',
};

/** The stage-by-stage timeline: done steps with their time and result, then the current and pending ones. */
export function timeline(r: BookingRecord, timeZone: string): TimelineEntry[] {
  const t = (d: Date | null | undefined) => zoned(d, timeZone);
  const done: Partial<Record<Step, { at: string | null; summary: string }>> = {
    booking: { at: t(r.booking.submittedAt), summary: `Booking ${r.booking.bookingNumber}, TCN ${r.booking.tcn} (${r.booking.tot})` },
  };
  if (r.sib) done.sib = { at: t(r.sib.at), summary: `SID ${r.sib.sid}${r.sib.newlyAssigned === null ? '' : r.sib.newlyAssigned ? ' (new)' : ' (on file)'}; ${r.sib.forwardedToDhs ? 'forwarded to DHS' : 'not forwarded to DHS'} (${r.sib.reason})` };
  if (r.cjis) done.cjis = { at: t(r.cjis.at), summary: `SRE ${r.cjis.srf === 'I' ? 'ident' : 'non-ident'}, FBI ${r.cjis.fbiNumber}` };
  if (r.ident) done.ident = { at: t(r.ident.at), summary: r.ident.outcome === 'match' ? `Match, FIN ${r.ident.fin}` : 'No match' };
  const lescPending = r.tasks.some((x) => x.step === 'lesc' && !x.closedAt);
  if (r.iar && !lescPending) done.lesc = { at: t(r.iar.at), summary: `IAR: status ${r.iar.status}, by ${r.iar.analyst}` };
  // Who decided: the person who did in the console, else the stage's own signature.
  const by = (step: string, fallback: string) => r.decided.find((d) => d.step === step)?.decidedBy ?? fallback;
  if (r.decision) {
    const lp = [r.decision.level && `level ${r.decision.level}`, r.decision.priority && `priority ${r.decision.priority}`].filter(Boolean).join(', ');
    done.ero = { at: t(r.decision.at), summary: `${r.decision.action}${lp ? ` (${lp})` : ''} by ${by('ero', r.decision.officer)}` };
  }
  if (r.detainer) done.detainer = { at: t(r.detainer.requestedAt), summary: `${r.detainer.form}: ${r.detainer.state}` };
  if (r.jail) done.jail = { at: t(r.jail.at), summary: `${r.jail.decision} under ${r.jail.rulesetId}, by ${by('jail', 'the jail stage')}` };
  if (r.outcome) {
    const notified = r.outcome.outcome === 'released' && r.detainerEvents.some((e) => e.to === 'notified');
    done.outcome = { at: t(r.outcome.at), summary: notified ? notifiedLabel : (outcomeLabels[r.outcome.outcome as Outcome] ?? r.outcome.outcome) };
  }

  // Steps a closed booking never reached were skipped, not pending.
  const closed = Boolean(r.outcome);
  const entries: TimelineEntry[] = [];
  let current = false;
  for (const step of Object.keys(stepLabels) as Step[]) {
    const d = done[step];
    if (d) {
      entries.push({ step, label: stepLabels[step], state: 'done', at: d.at, summary: d.summary });
      continue;
    }
    if (closed) {
      entries.push({ step, label: stepLabels[step], state: 'skipped', at: null, summary: 'Not reached' });
    } else {
      entries.push({ step, label: stepLabels[step], state: current ? 'pending' : 'current', at: null, summary: current ? '' : 'In progress' });
      current = true;
    }
  }
  return entries;
}
