/** One booking: facts, stage-by-stage timeline, responses, ICE's decision, the detainer with its live countdown, the jail's answer. */
import { useCallback, useEffect, useState } from 'react';
import type { BookingDetail as Detail, Explanation } from '../../../src/server/contract/bookings.ts';
import { api, ApiError } from '../api.ts';
import { formatTime, titleCase } from '../format.ts';
import { syncClock, useLiveChanges } from '../live.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { Countdown } from '../components/countdown.tsx';
import { StatusBadge } from '../components/status.tsx';
import { Badge, Empty, ErrorBox, Facts, Loading, PageHeader } from '../components/ui.tsx';
import { JailAnswer } from './jail-answer.tsx';

export function BookingDetail({ id }: { id: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    () =>
      api<Detail>('GET', `/api/bookings/${encodeURIComponent(id)}`)
        .then((d) => {
          syncClock(d.serverNow);
          setDetail(d);
          setError(null);
        })
        .catch(setError),
    [id],
  );
  useEffect(() => void load(), [load]);
  useLiveChanges((e) => e.bookingId === id && void load());

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Empty title="Booking not found">
        There is no booking {id} in your jurisdiction. <Link href="/bookings">Back to the bookings</Link>
      </Empty>
    );
  }
  if (!detail) return error ? <ErrorBox error={error} title="The booking could not be loaded" /> : <Loading what="Loading the booking" />;
  const d = detail;
  const tz = d.timeZone;
  return (
    <>
      <PageHeader title={`${d.name} · ${d.bookingNumber}`}>
        <StatusBadge b={d} />
        {d.actions.answerIaq && (
          <Link className="button" href={`/iaqs/${encodeURIComponent(d.id)}`}>
            Answer the IAQ
          </Link>
        )}
        {d.actions.decide && (
          <Link className="button" href={`/decisions/${encodeURIComponent(d.id)}`}>
            Decide
          </Link>
        )}
      </PageHeader>
      <ErrorBox error={error} />
      <section className="card" aria-labelledby="facts-h">
        <h2 id="facts-h">Booking</h2>
        <Facts
          rows={[
            ['Jurisdiction', `${d.jurisdictionName} (${d.ori})`],
            ['TCN', d.tcn],
            ['SID', d.sid],
            ['FIN', d.fin],
            ['Date of birth', d.dob],
            ['Sex / place of birth', `${d.sex} / ${d.pob}`],
            ['Arrested', formatTime(d.arrestedAt, tz)],
            ['Submitted', formatTime(d.submittedAt, tz)],
            ['Release due', formatTime(d.releaseDueAt, tz)],
            ['Local rules', d.rulesetId],
          ]}
        />
        <h3>Arrest charges</h3>
        <ul>
          {d.charges.map((c) => (
            <li key={c.seq}>
              {c.offense} (NCIC {c.ncic}, level {c.level}, {c.felony ? 'felony' : 'misdemeanour'})
            </li>
          ))}
        </ul>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="timeline-h">
          <h2 id="timeline-h">Stage by stage</h2>
          <ol className="timeline" data-testid="timeline">
            {d.timeline.map((e) => (
              <li key={e.step} className={e.state}>
                <strong>{e.label}</strong> {e.state !== 'done' && <Badge tone={e.state === 'current' ? 'info' : 'neutral'}>{e.state}</Badge>}
                {e.at && <div className="when">{formatTime(e.at, tz)}</div>}
                {e.summary && <div>{e.summary}</div>}
              </li>
            ))}
          </ol>
        </section>

        <div>
          {d.detainer ? (
            <section className="card" aria-labelledby="detainer-h" data-testid="detainer">
              <h2 id="detainer-h">Detainer {d.detainer.form}</h2>
              <p>
                State: <Badge tone={d.detainer.state === 'honoured' ? 'bad' : 'warn'}>{titleCase(d.detainer.state)}</Badge>
              </p>
              {d.detainer.holdExpiresAt && d.detainer.state === 'honoured' && <Countdown expiresAt={d.detainer.holdExpiresAt} timeZone={tz} />}
              {d.detainer.holdExpiresAt && d.detainer.state !== 'honoured' && <p>Hold would have ended {formatTime(d.detainer.holdExpiresAt, tz)}.</p>}
              <h3>History</h3>
              <ol>
                {d.detainer.events.map((e) => (
                  <li key={e.seq}>
                    {formatTime(e.at, tz)}: {e.from ? `${e.from} → ` : ''}
                    {e.to}. {e.reason}
                  </li>
                ))}
              </ol>
            </section>
          ) : (
            <section className="card">
              <h2>Detainer</h2>
              <p className="muted">No detainer on this booking{d.outcome ? '.' : ' (yet).'}</p>
            </section>
          )}
          {d.detainer && <JailAnswer detail={d} onDone={load} />}
          {d.jail?.explanation ? (
            <ExplanationCard title="The jail's answer under its local rules" explanation={d.jail.explanation} />
          ) : (
            d.jailRules && <ExplanationCard title="The local rules" explanation={d.jailRules} />
          )}
          {(d.citizenshipClaim || d.escalations.length > 0) && <Safeguards detail={d} />}
        </div>
      </div>

      <section className="card" aria-labelledby="responses-h">
        <h2 id="responses-h">Responses received</h2>
        {d.sib && <p>State bureau: SID {d.sib.sid}{d.sib.newlyAssigned === null ? '' : d.sib.newlyAssigned ? ' (new)' : ' (on file)'}, {d.sib.forwardedToDhs ? 'forwarded to DHS' : 'not forwarded to DHS'}. {d.sib.reason}</p>}
        {d.cjis && (
          <p>
            FBI CJIS (SRE): {d.cjis.srf === 'I' ? 'identification' : 'no identification'}, FBI number {d.cjis.fbiNumber} · {formatTime(d.cjis.at, tz)}
          </p>
        )}
        {d.ident && <p>DHS IDENT: {d.ident.outcome === 'match' ? `match, FIN ${d.ident.fin}` : 'no match'} · {formatTime(d.ident.at, tz)}</p>}
        {d.iaq && (
          <>
            <h3>Immigration alien query (IAQ)</h3>
            <pre className="message">{d.iaq.text}</pre>
          </>
        )}
        {d.iar && (
          <>
            <h3>Immigration alien response (IAR){d.iar.pending && ' — draft, not yet sent'}</h3>
            <p>
              Status <strong>{titleCase(d.iar.status)}</strong>, by {d.iar.analyst} · {formatTime(d.iar.at, tz)}
            </p>
            <IarSummary body={d.iar.body} />
          </>
        )}
        {d.consoleDecisions.length > 0 && (
          <>
            <h3>Decisions made in the console</h3>
            <ul>
              {d.consoleDecisions.map((c) => (
                <li key={`${c.step}-${c.at}`}>
                  {stepNames[c.step] ?? c.step}: {c.by}, {formatTime(c.at, tz)} — {summary(c.decision)}
                </li>
              ))}
            </ul>
          </>
        )}
        {d.decision && (
          <>
            <h3>ICE decision</h3>
            <p>
              <strong>{d.decision.action === 'none' ? 'No action' : d.decision.action}</strong>
              {d.decision.level !== null && `, conviction level ${d.decision.level}`}
              {d.decision.priority !== null && `, priority ${d.decision.priority}`} — {d.decision.reason} ({d.decision.officer}, {formatTime(d.decision.at, tz)})
            </p>
            {d.decision.explanation && <ExplanationCard title="Why: the rules ICE decided under" explanation={d.decision.explanation} />}
          </>
        )}
        {!d.sib && <p className="muted">No response yet.</p>}
      </section>
    </>
  );
}

/** A claim of US citizenship stops any detainer for good; the escalation is who follows it up. */
function Safeguards({ detail: d }: { detail: Detail }) {
  const tz = d.timeZone;
  return (
    <section className="card" aria-labelledby="safeguards-h" data-testid="safeguards">
      <h2 id="safeguards-h">Safeguards</h2>
      {d.citizenshipClaim && (
        <p className="notice notice-warn">
          US citizenship claimed to the {d.citizenshipClaim.madeTo} at {formatTime(d.citizenshipClaim.claimedAt, tz)}, recorded by {d.citizenshipClaim.recordedBy}
          {d.citizenshipClaim.note && `: ${d.citizenshipClaim.note}`}
        </p>
      )}
      {d.escalations.length > 0 && (
        <ul>
          {d.escalations.map((e) => (
            <li key={`${e.reason}-${e.raisedAt}`}>
              Escalated ({titleCase(e.reason)}) by {e.raisedBy}, {formatTime(e.raisedAt, tz)}
              {e.detainerId && `, detainer ${e.detainerId}`}. {e.note}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const stepNames: Record<string, string> = { lesc: 'IAR sent', ero: 'ICE decision', jail: "Jail's answer" };

function summary(decision: unknown): string {
  const x = (decision ?? {}) as { action?: string; response?: string; status?: string; reason?: string; remarks?: string; citizenshipClaim?: boolean };
  const what = x.action ?? x.response ?? (x.status && `status ${x.status}${x.citizenshipClaim ? ', US citizenship claimed' : ''}`) ?? '';
  const why = x.reason ?? x.remarks ?? '';
  return why ? `${what}. ${why}` : what;
}

interface IarBodyView {
  aNumber?: string | null;
  priorRemovalOrder?: boolean;
  criminalHistory?: { convictions?: { offense: string; level: number; felony: boolean; convictedOn: string }[] };
  encounters?: { kind: string; at: string; place: string }[];
}

function IarSummary({ body }: { body: unknown }) {
  const b = (body ?? {}) as IarBodyView;
  const convictions = b.criminalHistory?.convictions ?? [];
  return (
    <Facts
      rows={[
        ['A-number', b.aNumber ?? 'none'],
        ['Prior removal order', b.priorRemovalOrder ? 'yes' : 'no'],
        ['Convictions', convictions.length ? convictions.map((c) => `${c.offense} (L${c.level}, ${c.convictedOn})`).join('; ') : 'none'],
        ['Encounters', (b.encounters ?? []).map((e) => `${e.kind} at ${e.place}`).join('; ') || 'none'],
      ]}
    />
  );
}

export function ExplanationCard({ title, explanation }: { title: string; explanation: Explanation }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <p>
        <strong>{explanation.outcome}</strong> — {explanation.decidedBy}
      </p>
      {explanation.rules.length === 0 ? (
        <p className="muted">No rule fired: the default of the rules in force applies.</p>
      ) : (
        <ul>
          {explanation.rules.map((r) => (
            <li key={`${r.rule}-${r.value}`}>
              <strong>{r.rule}</strong> → {r.value}: when {r.condition}
              <div className="hint">{r.cite}</div>
            </li>
          ))}
        </ul>
      )}
      {explanation.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
    </section>
  );
}
