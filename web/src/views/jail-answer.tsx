/** The jail's answer to a lodged detainer: honour (hold, with the clock) or decline, under its local rules. */
import { useState, type FormEvent } from 'react';
import type { BookingDetail } from '../../../src/server/contract/bookings.ts';
import { api } from '../api.ts';
import { formatTime } from '../format.ts';
import { useSession } from '../session.tsx';
import { ErrorBox, Field } from '../components/ui.tsx';

export function JailAnswer({ detail, onDone }: { detail: BookingDetail; onDone(): void }) {
  const { can } = useSession();
  const [choice, setChoice] = useState<'honour' | 'decline' | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const d = detail;

  if (d.jail) {
    return (
      <section className="card" aria-labelledby="jail-h">
        <h2 id="jail-h">The jail's answer</h2>
        <p>
          <strong>{d.jail.decision === 'honour' ? 'Honoured' : d.jail.decision === 'decline' ? 'Declined' : d.jail.decision}</strong> under {d.jail.rulesetId},{' '}
          {formatTime(d.jail.at, d.timeZone)}.
        </p>
        <p>{d.jail.reason}</p>
      </section>
    );
  }
  if (d.detainer?.state !== 'lodged' || !can('detainer.respond')) return null;

  const advised = d.jailRules?.outcome;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/detainers/${encodeURIComponent(d.detainer!.id)}/response`, { decision: choice, reason });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="answer-h">
      <h2 id="answer-h">Answer the detainer</h2>
      {advised && (
        <p className="notice notice-info">
          Under {d.rulesetId} the rules in force say: <strong>{advised}</strong>. The reasons are listed below.
        </p>
      )}
      <ErrorBox error={error} title="The answer was not recorded" />
      <fieldset>
        <legend>Decision</legend>
        <label className="choice">
          <input type="radio" name="decision" value="honour" checked={choice === 'honour'} onChange={() => setChoice('honour')} required />
          <span>Honour: hold the person up to 48 hours beyond release (the clock starts at the release time)</span>
        </label>
        <label className="choice">
          <input type="radio" name="decision" value="decline" checked={choice === 'decline'} onChange={() => setChoice('decline')} />
          <span>Decline: release at the normal release time</span>
        </label>
      </fieldset>
      <Field label="Reason" id="jail-reason" hint="Recorded in the audit log with your name.">
        <textarea id="jail-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={busy || !choice}>
        Record the answer
      </button>
    </form>
  );
}
