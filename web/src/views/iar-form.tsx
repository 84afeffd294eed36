/** The LESC analyst's IAR: the IAQ, the draft from the systems of record, and the answer sent to the jail and ERO. */
import { useEffect, useState, type FormEvent } from 'react';
import type { BookingDetail } from '../../../src/server/contract/bookings.ts';
import { IMMIGRATION_STATUSES } from '../../../src/server/contract/steps.ts';
import { api, ApiError } from '../api.ts';
import { formatTime, titleCase } from '../format.ts';
import { Link, navigate } from '../router.tsx';
import { Empty, ErrorBox, Facts, Field, Loading, PageHeader } from '../components/ui.tsx';

interface Draft {
  status: string;
  aNumber: string | null;
  priorRemovalOrder: boolean;
  encounters?: { kind: string; at: string; place: string }[];
  criminalHistory?: { fbiNumber: string | null; convictions: { offense: string; level: number; felony: boolean; convictedOn: string }[] };
  biographics?: { familyName: string; givenName: string; dob: string; pob: string };
}

export function IarForm({ bookingId }: { bookingId: string }) {
  const [d, setD] = useState<BookingDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ status: '', aNumber: '', priorRemovalOrder: false, citizenshipClaim: false, remarks: '' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<BookingDetail>('GET', `/api/bookings/${encodeURIComponent(bookingId)}`)
      .then((b) => {
        setD(b);
        const draft = (b.iar?.body ?? {}) as Draft;
        setForm((f) => ({ ...f, status: draft.status ?? '', aNumber: draft.aNumber ?? '', priorRemovalOrder: Boolean(draft.priorRemovalOrder) }));
      })
      .catch(setError);
  }, [bookingId]);

  if (error instanceof ApiError && error.status === 404) return <Empty title="No such query">There is no IAQ for booking {bookingId} you can answer.</Empty>;
  if (!d) return error ? <ErrorBox error={error} /> : <Loading what="Loading the query" />;
  const draft = (d.iar?.body ?? {}) as Draft;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/bookings/${encodeURIComponent(bookingId)}/iar`, {
        status: form.status,
        aNumber: form.aNumber.trim() || null,
        priorRemovalOrder: form.priorRemovalOrder,
        citizenshipClaim: form.citizenshipClaim,
        remarks: form.remarks,
      });
      navigate('/queue/iaq');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={`IAR for ${d.name}`}>
        <Link href="/queue/iaq">Back to the queue</Link>
      </PageHeader>
      <section className="card">
        <h2>The query (IAQ)</h2>
        <pre className="message">{d.iaq?.text ?? '—'}</pre>
        <Facts
          rows={[
            ['Booked by', `${d.jurisdictionName} (${d.ori})`],
            ['Received', d.iaq ? formatTime(d.iaq.at, d.timeZone) : '—'],
            ['FIN', d.fin],
            ['SID', d.sid],
          ]}
        />
      </section>
      <section className="card">
        <h2>Systems of record (draft)</h2>
        <Facts
          rows={[
            ['IDENT status', titleCase(draft.status ?? '—')],
            ['A-number', draft.aNumber ?? 'none'],
            ['Prior removal order', draft.priorRemovalOrder ? 'yes' : 'no'],
            ['Name in IDENT', draft.biographics ? `${draft.biographics.familyName}, ${draft.biographics.givenName} (${draft.biographics.dob}, ${draft.biographics.pob})` : '—'],
            ['FBI number', draft.criminalHistory?.fbiNumber ?? 'none'],
            [
              'Convictions',
              draft.criminalHistory?.convictions.length
                ? draft.criminalHistory.convictions.map((c) => `${c.offense} (level ${c.level}, ${c.felony ? 'felony' : 'misdemeanour'}, ${c.convictedOn})`).join('; ')
                : 'none',
            ],
            ['Encounters', draft.encounters?.map((x) => `${x.kind} at ${x.place}`).join('; ') || 'none'],
          ]}
        />
      </section>
      {!d.actions.answerIaq ? (
        <p className="notice notice-info">This IAR has been sent{d.iar ? ` by ${d.iar.analyst}` : ''}.</p>
      ) : (
        <form className="card" onSubmit={submit} aria-labelledby="iar-h">
          <h2 id="iar-h">Immigration alien response</h2>
          <ErrorBox error={error} title="The IAR was not sent" />
          <div className="form-grid">
            <Field label="Immigration status" id="iar-status">
              <select id="iar-status" required value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
                {IMMIGRATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {titleCase(s)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="A-number" id="iar-anumber" hint="A and 8 or 9 digits; empty when none">
              <input id="iar-anumber" pattern="A[0-9]{8,9}" value={form.aNumber} onChange={(e) => setForm({ ...form, aNumber: e.target.value })} />
            </Field>
          </div>
          <label className="choice">
            <input type="checkbox" checked={form.priorRemovalOrder} onChange={(e) => setForm({ ...form, priorRemovalOrder: e.target.checked })} />
            <span>Subject to a prior order of removal</span>
          </label>
          <label className="choice">
            <input type="checkbox" checked={form.citizenshipClaim} onChange={(e) => setForm({ ...form, citizenshipClaim: e.target.checked })} />
            <span>
              <strong>The person claims to be a US citizen.</strong> The case escalates and no detainer may be lodged.
            </span>
          </label>
          <Field label="Remarks" id="iar-remarks" hint="Which systems you checked; recorded in the audit log with your name.">
            <textarea id="iar-remarks" value={form.remarks} onChange={(e) => setForm({ ...form, remarks: e.target.value })} />
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            Send the IAR
          </button>
        </form>
      )}
    </>
  );
}
