/** The audit viewer: every write and every read of a person's record, filterable, with the hash chain's verdict. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntryView, AuditPage, ChainStatus } from '../../../src/server/contract/audit.ts';
import { api, qs } from '../api.ts';
import { formatTime } from '../format.ts';
import { useSignedIn } from '../session.tsx';
import { Pager, SearchBox, usePaged } from '../components/paged.tsx';
import { Badge, Empty, ErrorBox, Field, Loading, PageHeader } from '../components/ui.tsx';

const blank = { actor: '', action: '', entity: '', entityId: '', from: '', to: '' };

export function Audit() {
  const { user } = useSignedIn();
  const [filters, setFilters] = useState(blank);
  const [draft, setDraft] = useState(blank);
  const [search, setSearch] = useState('');
  const query = qs({ ...filters, q: search });
  const fetchPage = useCallback(
    (cursor: string | undefined) => api<AuditPage>('GET', `/api/audit${qs({ ...filters, q: search, cursor, limit: 50 })}`),
    [filters, search],
  );
  const paged = usePaged<AuditEntryView, AuditPage>(fetchPage, query);
  const named = paged.page?.search;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  return (
    <>
      <PageHeader title="Audit log">
        <ChainBadge />
      </PageHeader>
      <SearchBox
        value={search}
        onSearch={setSearch}
        label="Search the audit of a person's bookings"
        placeholder="Name (FAMILY, Given), booking number, TCN, SID or FIN"
      />
      {named && (
        <p className="hint" role="status" data-testid="audit-search-scope">
          {named.bookings === 0
            ? 'This search names no booking in your jurisdiction.'
            : `Entries about the records of ${named.bookings} booking${named.bookings === 1 ? '' : 's'} this search names${named.more ? ' (the newest only: narrow the search to reach older ones)' : ''}.`}
        </p>
      )}
      <form className="card form-grid" onSubmit={apply} aria-label="Filters">
        <Field label="Actor" id="f-actor" hint="user:NAME or stage:NAME">
          <input id="f-actor" value={draft.actor} onChange={set('actor')} />
        </Field>
        <Field label="Action" id="f-action">
          <select id="f-action" value={draft.action} onChange={set('action')}>
            <option value="">any</option>
            <option value="insert">insert</option>
            <option value="update">update</option>
            <option value="read">read</option>
          </select>
        </Field>
        <Field label="Record type" id="f-entity" hint="bookings, detainers, iars, users …">
          <input id="f-entity" value={draft.entity} onChange={set('entity')} />
        </Field>
        <Field label="Record id" id="f-entity-id">
          <input id="f-entity-id" value={draft.entityId} onChange={set('entityId')} />
        </Field>
        <Field label="From" id="f-from">
          <input id="f-from" type="date" value={draft.from} onChange={set('from')} />
        </Field>
        <Field label="Until (exclusive)" id="f-to">
          <input id="f-to" type="date" value={draft.to} onChange={set('to')} />
        </Field>
        <div className="page-actions">
          <button type="submit" className="primary">
            Filter
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(blank);
              setFilters(blank);
              setSearch('');
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorBox error={paged.error} title="The audit log could not be loaded" />
      {!paged.page && paged.loading ? (
        <Loading what="Reading the audit log" />
      ) : paged.page?.items.length === 0 ? (
        <Empty title={search ? 'No entry about the bookings this search names' : 'No entry matches these filters'}>Clear a filter, or widen the period.</Empty>
      ) : (
        paged.page && (
          <div className="table-wrap">
            <table className="stack" aria-label="Audit entries">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Data</th>
                </tr>
              </thead>
              <tbody>
                {paged.page.items.map((e) => (
                  <tr key={e.seq}>
                    <td data-label="#" className="num">
                      {e.seq}
                    </td>
                    <td data-label="Time">{formatTime(e.at, user.timeZone)}</td>
                    <td data-label="Actor">{e.actor}</td>
                    <td data-label="Action">
                      <Badge tone={e.action === 'read' ? 'info' : 'neutral'}>{e.action}</Badge>
                    </td>
                    <td data-label="Record">
                      {e.entity} <code>{e.entityId}</code>
                    </td>
                    <td data-label="Data">
                      <details>
                        <summary>hash {e.hash.slice(0, 10)}…</summary>
                        <pre className="message">{JSON.stringify(e.data, null, 1)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <Pager paged={paged} label="Audit entries" />
    </>
  );
}

function ChainBadge() {
  const { user } = useSignedIn();
  const [status, setStatus] = useState<ChainStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const verify = useCallback(() => {
    setBusy(true);
    api<ChainStatus>('GET', '/api/audit/verify')
      .then((s) => {
        setStatus(s);
        setError(null);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  }, []);
  useEffect(verify, [verify]);
  return (
    <div className="chain" data-testid="chain-badge" aria-live="polite">
      {busy && !status ? (
        <Badge>Verifying the chain…</Badge>
      ) : error ? (
        <Badge tone="warn">Chain not checked</Badge>
      ) : status?.status === 'intact' ? (
        <Badge tone="good" title={`head ${status.headHash}`}>
          ✓ Chain verified: {status.entries} entries, {formatTime(status.checkedAt, user.timeZone)}
        </Badge>
      ) : status ? (
        <Badge tone="bad" title={status.problem?.detail}>
          ✗ Chain broken at entry {status.problem?.seq ?? '?'}: {status.problem?.detail}
        </Badge>
      ) : null}{' '}
      <button type="button" onClick={verify} disabled={busy}>
        Verify again
      </button>
    </div>
  );
}
