/** The signed-in user's API tokens for machine clients: create (shown once), list, revoke. */
import { useEffect, useState, type FormEvent } from 'react';
import type { TokenView } from '../../../src/server/contract/session.ts';
import { api } from '../api.ts';
import { useSignedIn } from '../session.tsx';
import { formatTime } from '../format.ts';
import { Empty, ErrorBox, Field, Loading, PageHeader } from '../components/ui.tsx';

export function Account() {
  const { user } = useSignedIn();
  const [tokens, setTokens] = useState<TokenView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);

  const load = () =>
    api<{ items: TokenView[] }>('GET', '/api/tokens')
      .then((r) => setTokens(r.items))
      .catch(setError);
  useEffect(() => void load(), []);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const t = await api<TokenView & { token: string }>('POST', '/api/tokens', { name });
      setCreated(t.token);
      setName('');
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await api('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
      await load();
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
      {!tokens ? (
        <Loading />
      ) : tokens.length === 0 ? (
        <Empty title="No API tokens">Create one above for a script or a livescan station.</Empty>
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
    </>
  );
}
