/** Administration of jurisdictions: activation in force and its dated history, rule set, and the dated policy versions. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Page } from '../../../src/server/contract/common.ts';
import type { JurisdictionDetail, JurisdictionView } from '../../../src/server/contract/admin.ts';
import { api, qs } from '../api.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { Pager, SearchBox, usePaged } from '../components/paged.tsx';
import { Badge, Empty, ErrorBox, Field, Loading, PageHeader } from '../components/ui.tsx';

function activationText(a: JurisdictionView['activation']): string {
  if (!a) return 'not activated';
  return `${a.activated ? 'activated' : 'not activated'}${a.optOutRequested ? ', asks not to share' : ''}`;
}

/** The engine's answer: do this jail's bookings reach DHS? */
function SharingBadge({ p }: { p: JurisdictionView['participation'] }) {
  if (!p) return <Badge tone="neutral">no opt-out policy in force</Badge>;
  return <Badge tone={p.sharing ? 'warn' : 'good'}>{p.sharing ? 'prints go to DHS' : 'prints not shared'}</Badge>;
}

function Participation({ p }: { p: NonNullable<JurisdictionView['participation']> }) {
  return (
    <>
      <p>
        On {p.at}: <SharingBadge p={p} /> — {p.activated ? 'activated' : 'not activated'}
        {p.notShareRequested && `; asks not to share, which the federal opt-out policy (${p.optOutPolicy}) ${p.sharing ? 'gives no effect' : 'honours'}`}.
      </p>
      {p.reasons.length > 0 && (
        <ul>
          {p.reasons.map((r) => (
            <li key={`${r.event}-${r.date}-${r.jurisdiction}`}>
              {r.event} {r.date} ({r.jurisdiction}): {r.cite}
              <div className="hint">
                {r.file}
                {r.line !== null && `:${r.line}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function AdminJurisdictions() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const fetchPage = useCallback((cursor: string | undefined) => api<Page<JurisdictionView>>('GET', `/api/admin/jurisdictions${qs({ q, cursor, limit: 25 })}`), [q]);
  const paged = usePaged(fetchPage, q);
  return (
    <>
      <PageHeader title="Jurisdictions" />
      <div className="toolbar">
        <SearchBox label="Search jurisdictions" value={q} placeholder="Name, id, ORI or state code" onSearch={(text) => navigate(`/admin/jurisdictions${qs({ q: text })}`)} />
      </div>
      <ErrorBox error={paged.error} title="The jurisdictions could not be loaded" />
      {!paged.page && paged.loading ? (
        <Loading />
      ) : paged.page?.items.length === 0 ? (
        <Empty title={q ? `No jurisdiction matches “${q}”` : 'No jurisdictions'}>{q ? 'Try part of the name, the ORI or the state code.' : 'They are created with the synthetic world on the first start.'}</Empty>
      ) : (
        paged.page && (
          <div className="table-wrap">
            <table className="stack" aria-label="Jurisdictions">
              <thead>
                <tr>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">ORI</th>
                  <th scope="col">Rule set</th>
                  <th scope="col">Time zone</th>
                  <th scope="col">In force now</th>
                  <th scope="col">Participation (policy engine)</th>
                </tr>
              </thead>
              <tbody>
                {paged.page.items.map((j) => (
                  <tr key={j.id}>
                    <td data-label="Jurisdiction">
                      <Link href={`/admin/jurisdictions/${encodeURIComponent(j.id)}`}>{j.name}</Link>
                    </td>
                    <td data-label="ORI">{j.ori}</td>
                    <td data-label="Rule set">{j.rulesetId}</td>
                    <td data-label="Time zone">{j.timeZone}</td>
                    <td data-label="In force now">{activationText(j.activation)}</td>
                    <td data-label="Participation (policy engine)">
                      <SharingBadge p={j.participation} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <Pager paged={paged} label="Jurisdictions" />
    </>
  );
}

export function AdminJurisdiction({ id }: { id: string }) {
  const [d, setD] = useState<JurisdictionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ effectiveFrom: '', activated: true, optOutRequested: false, note: '' });
  const load = useCallback(
    () =>
      api<JurisdictionDetail>('GET', `/api/admin/jurisdictions/${encodeURIComponent(id)}`)
        .then(setD)
        .catch(setError),
    [id],
  );
  useEffect(() => void load(), [load]);
  if (!d) return error ? <ErrorBox error={error} /> : <Loading />;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setD(await api<JurisdictionDetail>('POST', `/api/admin/jurisdictions/${encodeURIComponent(id)}/activations`, { ...form, effectiveFrom: new Date(`${form.effectiveFrom}T00:00:00Z`).toISOString() }));
    } catch (err) {
      setError(err);
    }
  };
  const setRuleset = async (rulesetId: string) => {
    setError(null);
    try {
      setD(await api<JurisdictionDetail>('PATCH', `/api/admin/jurisdictions/${encodeURIComponent(id)}`, { rulesetId }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader title={d.name}>
        <Link href="/admin/jurisdictions">All jurisdictions</Link>
      </PageHeader>
      <ErrorBox error={error} title="The change was not made" />
      <section className="card">
        <h2>Rule set</h2>
        <Field label="The jail answers detainers under" id="ruleset">
          <select id="ruleset" value={d.rulesetId} onChange={(e) => void setRuleset(e.target.value)}>
            {d.rulesets.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <p className="muted">
          {d.ori} · {d.state} · times in {d.timeZone}
        </p>
      </section>
      <section className="card" aria-labelledby="participation-h">
        <h2 id="participation-h">Participation: do bookings reach DHS?</h2>
        {d.participation ? <Participation p={d.participation} /> : <p className="muted">No federal opt-out policy is in force today: the rules cannot say.</p>}
        <p className="hint">Decided by the policy engine from the rule files and this history; a request not to share has effect only while the federal opt-out policy allows it.</p>
      </section>
      <section className="card">
        <h2>Activation history</h2>
        <p>
          In force now: <strong>{activationText(d.activation)}</strong>
        </p>
        <ol>
          {d.activations.map((a) => (
            <li key={a.effectiveFrom}>
              from {a.effectiveFrom.slice(0, 10)}: {activationText(a)}. {a.note}{' '}
              {a.sharing !== null && <Badge tone={a.sharing ? 'warn' : 'good'}>{a.sharing ? 'shared from then' : 'not shared from then'}</Badge>}
            </li>
          ))}
        </ol>
        <form className="inline-form" onSubmit={add} aria-label="Add a dated change">
          <Field label="Effective from (UTC date)" id="act-from">
            <input id="act-from" type="date" required value={form.effectiveFrom} onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })} />
          </Field>
          <label className="choice">
            <input type="checkbox" checked={form.activated} onChange={(e) => setForm({ ...form, activated: e.target.checked })} /> activated
          </label>
          <label className="choice">
            <input type="checkbox" checked={form.optOutRequested} onChange={(e) => setForm({ ...form, optOutRequested: e.target.checked })} /> asks not to share
          </label>
          <Field label="Note" id="act-note">
            <input id="act-note" required minLength={3} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </Field>
          <button type="submit">Add change</button>
        </form>
      </section>
      <section className="card">
        <h2>Policy versions (federal first)</h2>
        <div className="table-wrap">
          <table className="stack" aria-label="Policy versions">
            <thead>
              <tr>
                <th scope="col">Rule file</th>
                <th scope="col">Decision</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Rules</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {d.policyVersions.map((v) => (
                <tr key={`${v.file}-${v.decision}-${v.from}`}>
                  <td data-label="Rule file">{v.jurisdiction}</td>
                  <td data-label="Decision">
                    {v.decision} {v.inForce && <Badge tone="info">in force</Badge>}
                  </td>
                  <td data-label="From">{v.from}</td>
                  <td data-label="Until">{v.until ?? '—'}</td>
                  <td data-label="Rules" className="num">
                    {v.rules}
                  </td>
                  <td data-label="Source" className="hint">
                    {v.source} ({v.status})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
