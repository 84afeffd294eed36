/** The jail's answer to a lodged detainer: honour (hold, with the clock) or decline, under its local rules. */
import { useState, type FormEvent } from 'react';
import type { BookingDetail } from '../../../src/server/contract/bookings.ts';
import { api } from '../api.ts';
import { formatTime } from '../format.ts';
import { ErrorBox, Field } from '../components/ui.tsx';

const choiceLabels: Record<string, string> = {
  honour: 'Honour: hold the person up to 48 hours beyond release (the clock starts at the release time)',
  'notify-only': 'Notify ICE of the release time, without holding',
  decline: 'Decline: release at the normal release time',
};

export function JailAnswer({ detail, onDone }: { detail: BookingDetail; onDone(): void }) {
  const [choice, setChoice] = useState('');
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
  if (!d.actions.respond) {
    return d.detainer?.state === 'lodged' ? (
      <p className="notice notice-warn">The detainer is lodged and waits for the jail's answer.</p>
    ) : null;
  }

  const advised = d.jailRules?.outcome;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/detainers/${encodeURIComponent(d.detainer!.id)}/response`, { response: choice, reason });
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
        {d.jailChoices.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="decision" value={c} checked={choice === c} onChange={() => setChoice(c)} required />
            <span>{choiceLabels[c] ?? c}</span>
          </label>
        ))}
        {!d.jailChoices.includes('honour') && <p className="hint">Local law does not allow holding this person on the detainer.</p>}
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
