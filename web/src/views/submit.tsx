/** Submit a booking: the livescan station's ANSI/NIST-ITL file (EBTS CAR or CNA); the prints are extracted on the server. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { wallTimeToIso } from '../format.ts';
import { navigate } from '../router.tsx';
import { useSignedIn } from '../session.tsx';
import { ErrorBox, Field, PageHeader } from '../components/ui.tsx';

export function SubmitBooking() {
  const { user, csrfToken } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [release, setRelease] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const q = release ? `?releaseDueAt=${encodeURIComponent(wallTimeToIso(release, user.timeZone))}` : '';
      const res = await fetch(`/api/bookings/file${q}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken, accept: 'application/json' },
        body: file,
        credentials: 'same-origin',
      });
      const json = (await res.json()) as { bookingId?: string; code?: string; detail?: string };
      if (!res.ok) throw new ApiError(res.status, json as never, `${res.status}`);
      navigate(`/bookings/${encodeURIComponent(json.bookingId!)}`);
    } catch (err) {
      setError(err instanceof TypeError ? new Error('The server cannot be reached.') : err);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Submit a booking" />
      <form className="card" onSubmit={submit} aria-label="Submit a booking">
        <p className="muted">
          Upload the livescan station's ANSI/NIST-ITL transaction (EBTS CAR or CNA, traditional or XML). The server checks it against the EBTS rules,
          extracts the fingerprints, and sends the booking to the state bureau. You can submit for {user.scopeLabel} only.
        </p>
        <ErrorBox error={error} title="The booking was not accepted" />
        <Field label="Booking file" id="booking-file" hint="An .an2, .eft or .xml file">
          <input id="booking-file" type="file" required accept=".an2,.eft,.nist,.xml,application/octet-stream" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label={`Release due (${user.timeZone})`} id="release-due" hint="When the person would otherwise be released; the detainer clock starts there. Default: 48 hours after the arrest.">
          <input id="release-due" type="datetime-local" value={release} onChange={(e) => setRelease(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy || !file}>
          {busy ? 'Submitting…' : 'Submit booking'}
        </button>
      </form>
    </>
  );
}
