/**
 * The ERO officer's decision screen: the case facts, the level and priority the rules give, the
 * discretion factors, the recommended action with the rules and citations behind it, what the
 * jail's local law would do with a request, and the decision (never beyond the recommendation).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CaseView } from '../../../src/server/contract/steps.ts';
import { api, ApiError } from '../api.ts';
import { formatTime, titleCase } from '../format.ts';
import { Link, navigate } from '../router.tsx';
import { Badge, Empty, ErrorBox, Facts, Field, Loading, PageHeader } from '../components/ui.tsx';

const actionLabels: Record<string, string> = {
  'I-247': 'Lodge a detainer (Form I-247)',
  'I-247D': 'Lodge a detainer (Form I-247D)',
  'I-247X': 'Request voluntary transfer (Form I-247X)',
  'I-247N': 'Request notification of release (Form I-247N)',
  none: 'No action',
};

export function Decision({ bookingId }: { bookingId: string }) {
  const [c, setC] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      api<CaseView>('GET', `/api/bookings/${encodeURIComponent(bookingId)}/case`)
        .then(setC)
        .catch(setError),
    [bookingId],
  );
  useEffect(() => void load(), [load]);

  if (error instanceof ApiError && error.status === 404) return <Empty title="No such case">There is no case {bookingId} in your area.</Empty>;
  if (!c) return error ? <ErrorBox error={error} /> : <Loading what="Loading the case" />;
  const a = c.assessment;
  const tz = c.timeZone;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/bookings/${encodeURIComponent(bookingId)}/decision`, { action, reason });
      navigate(`/bookings/${encodeURIComponent(bookingId)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={`Decide: ${c.name}`}>
        <Link href="/queue/decisions">Back to the queue</Link>
      </PageHeader>
      {a.escalation && (
        <div className="notice notice-error" role="alert">
          <strong>Escalated: {titleCase(a.escalation)}.</strong> {a.safeguards.join(' ')}
          {c.citizenshipClaim && ` US citizenship claimed to the ${c.citizenshipClaim.madeTo} (recorded by ${c.citizenshipClaim.recordedBy}${c.citizenshipClaim.note ? `: ${c.citizenshipClaim.note}` : ''}).`}
          {c.escalations.map((e) => ` Raised by ${e.raisedBy}, ${formatTime(e.raisedAt, tz)}.`).join('')}
        </div>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">Case facts</h2>
          <Facts
            rows={[
              ['Booking', `${c.bookingNumber}, ${c.jurisdictionName}`],
              ['Date of birth', c.dob],
              ['Immigration status (IAR)', titleCase(c.facts.immigrationStatus)],
              ['A-number', c.facts.aNumber ?? 'none'],
              ['FIN', c.facts.fin],
              ['Prior removal order', c.facts.priorRemovalOrder ? 'yes' : 'no'],
              ['Release due', formatTime(c.facts.releaseDueAt, tz)],
              ['Citizenship claim', c.facts.citizenshipClaimAt ? formatTime(c.facts.citizenshipClaimAt, tz) : 'none'],
            ]}
          />
          <h3>Arrest charges</h3>
          <ul>
            {c.facts.charges.map((x, i) => (
              <li key={i}>
                {x.offense} (NCIC {x.ncic}, level {x.level})
              </li>
            ))}
          </ul>
          <h3>Convictions</h3>
          {c.facts.convictions.length === 0 ? (
            <p>
              <Badge tone="warn">No conviction on record</Badge>
            </p>
          ) : (
            <ul>
              {c.facts.convictions.map((x, i) => (
                <li key={i}>
                  {x.offense}, {x.convictedOn} (level {x.level}
                  {x.felony ? ', felony' : ''}
                  {x.aggravated ? ', aggravated felony' : ''})
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="policy-h">
          <h2 id="policy-h">What the rules say</h2>
          <Facts
            rows={[
              ['Charge level', titleCase(a.chargeLevel)],
              ['Conviction level', titleCase(a.convictionLevel)],
              ['Removal category', titleCase(a.removalCategory)],
              ['Priority', a.priority ? titleCase(a.priority) : 'none in force'],
              ['Recommended', actionLabels[a.recommended] ?? a.recommended],
            ]}
          />
          <h3>Reasons</h3>
          <p className="hint">{a.recorded ? 'As the rules answered when ICE decided (stored with the decision).' : 'As the rules in force answer now.'}</p>
          <ul>
            {a.rules.map((r, i) => (
              <li key={i}>
                <strong>{r.rule}</strong> → {r.value}
                <div className="hint">
                  when {r.condition} · {r.cite}
                </div>
              </li>
            ))}
          </ul>
          {a.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          <h3>Discretion factors</h3>
          {a.discretion ? (
            a.discretion.factors.length ? (
              <ul>
                {a.discretion.factors.map((f) => (
                  <li key={f.factor}>
                    {f.factor} ({f.weight > 0 ? '+' : ''}
                    {f.weight}) <span className="hint">{f.cite}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No factor recorded (score {a.discretion.score}).</p>
            )
          ) : (
            <p className="muted">No prosecutorial-discretion memo in force at this date.</p>
          )}
          {c.jailPreview && (
            <>
              <h3>The jail's local law</h3>
              <p>
                {c.jailPreview.decidedBy}: would <strong>{c.jailPreview.response}</strong> a request
                {c.jailPreview.hold && c.jailPreview.holdExpiresAt ? `, holding until ${formatTime(c.jailPreview.holdExpiresAt, tz)} (${c.jailPreview.clockRule})` : ''}.
              </p>
            </>
          )}
        </section>
      </div>
      {c.decided ? (
        <p className="notice notice-info">
          Decided by {c.decided.by}, {formatTime(c.decided.at, tz)}: {actionLabels[c.decided.action] ?? c.decided.action}. {c.decided.reason}
        </p>
      ) : !c.waitingSince ? (
        <p className="notice notice-info">This case was decided automatically.</p>
      ) : (
        <form className="card" onSubmit={submit} aria-labelledby="decide-h">
          <h2 id="decide-h">Your decision</h2>
          <p className="muted">Waiting since {formatTime(c.waitingSince, tz)}. You may choose the recommended action or one that goes less far.</p>
          <ErrorBox error={error} title="The decision was not recorded" />
          <fieldset>
            <legend>Action</legend>
            {c.allowedActions.map((x) => (
              <label key={x} className="choice">
                <input type="radio" name="action" value={x} checked={action === x} onChange={() => setAction(x)} required />
                <span>
                  {actionLabels[x] ?? x}
                  {x === a.recommended && ' (recommended)'}
                </span>
              </label>
            ))}
          </fieldset>
          <Field label="Reason" id="decision-reason" hint="Recorded in the audit log with your name.">
            <textarea id="decision-reason" required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="submit" className="primary" disabled={busy || !action}>
            Record the decision
          </button>
        </form>
      )}
    </>
  );
}
