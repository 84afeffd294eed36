/** The signed-in user's API tokens for machine clients: create (shown once), list, revoke. */
import { useCallback, useState, type FormEvent } from 'react';
import type { Page } from '../../../src/server/contract/common.ts';
import type { TokenView } from '../../../src/server/contract/session.ts';
import { api, qs } from '../api.ts';
import { navigate, useLocation } from '../router.tsx';
import { Pager, SearchBox, usePaged } from '../components/paged.tsx';
import { useSignedIn } from '../session.tsx';
import { formatTime } from '../format.ts';
import { Empty, ErrorBox, Field, Loading, PageHeader } from '../components/ui.tsx';

export function Account() {
  const { user } = useSignedIn();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const fetchPage = useCallback((cursor: string | undefined) => api<Page<TokenView>>('GET', `/api/tokens${qs({ q, cursor, limit: 25 })}`), [q]);
  const paged = usePaged(fetchPage, q);
  const load = paged.reload;
  const tokens = paged.page?.items ?? null;
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const t = await api<TokenView & { token: string }>('POST', '/api/tokens', { name });
      setCreated(t.token);
      setName('');
      load();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await api('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader title="API tokens" />
      <p className="muted">Machine clients send a token as <code>Authorization: Bearer …</code>. A token acts as {user.displayName}, with the same role and jurisdiction.</p>
      <ErrorBox error={error} />
      {created && (
        <div className="notice notice-good" role="status">
          New token (copy it now, it is not shown again): <code className="secret">{created}</code>
        </div>
      )}
      <form className="inline-form" onSubmit={create}>
        <Field label="Token name" id="token-name">
          <input id="token-name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" className="primary">
          Create token
        </button>
      </form>
      <div className="toolbar">
        <SearchBox label="Search tokens" value={q} placeholder="Part of the token name" onSearch={(text) => navigate(`/account${qs({ q: text })}`)} />
      </div>
      <ErrorBox error={paged.error} title="The tokens could not be loaded" />
      {!tokens ? (
        paged.error ? null : <Loading />
      ) : tokens.length === 0 ? (
        q ? <Empty title={`No token named like “${q}”`} /> : <Empty title="No API tokens">Create one above for a script or a livescan station.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{formatTime(t.createdAt, user.timeZone)}</td>
                <td>{formatTime(t.lastUsedAt, user.timeZone)}</td>
                <td>
                  <button type="button" className="danger" onClick={() => void revoke(t.id)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager paged={paged} label="API tokens" />
    </>
  );
}
