/** Administration of accounts: search, create (the password is shown once), change role or scope, disable. */
import { useCallback, useState, type FormEvent } from 'react';
import type { Page } from '../../../src/server/contract/common.ts';
import type { UserView } from '../../../src/server/contract/session.ts';
import { api, qs } from '../api.ts';
import { navigate, useLocation } from '../router.tsx';
import { Pager, SearchBox, usePaged } from '../components/paged.tsx';
import { Badge, Empty, ErrorBox, Field, Loading, PageHeader } from '../components/ui.tsx';

const roles = ['jail_officer', 'sib_operator', 'lesc_analyst', 'ero_officer', 'overseer', 'inspector', 'admin'];
const blank = { username: '', displayName: '', role: 'jail_officer', ori: '', scope: '' };

export function AdminUsers() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const fetchPage = useCallback((cursor: string | undefined) => api<Page<UserView>>('GET', `/api/admin/users${qs({ q, cursor, limit: 25 })}`), [q]);
  const paged = usePaged(fetchPage, q);
  const [form, setForm] = useState(blank);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ user: UserView; password: string }>('POST', '/api/admin/users', form);
      setCreated({ username: r.user.username, password: r.password });
      setForm(blank);
      paged.reload();
    } catch (err) {
      setError(err);
    }
  };
  const toggle = async (u: UserView) => {
    setError(null);
    try {
      await api('PATCH', `/api/admin/users/${encodeURIComponent(u.id)}`, { disabled: !u.disabled });
      paged.reload();
    } catch (err) {
      setError(err);
    }
  };
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  return (
    <>
      <PageHeader title="Users" />
      <ErrorBox error={error} title="The change was not made" />
      {created && (
        <div className="notice notice-good" role="status">
          Created <strong>{created.username}</strong>. Password (shown once): <code className="secret">{created.password}</code>
        </div>
      )}
      <form className="card" onSubmit={create} aria-labelledby="new-user-h">
        <h2 id="new-user-h">New user</h2>
        <div className="form-grid">
          <Field label="User name" id="nu-username">
            <input id="nu-username" required pattern="[a-z][a-z0-9._\-]{1,63}" value={form.username} onChange={set('username')} />
          </Field>
          <Field label="Display name" id="nu-display">
            <input id="nu-display" required value={form.displayName} onChange={set('displayName')} />
          </Field>
          <Field label="Role" id="nu-role">
            <select id="nu-role" value={form.role} onChange={set('role')}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Agency ORI" id="nu-ori" hint="9 capital letters or digits">
            <input id="nu-ori" required pattern="[A-Z0-9]{9}" value={form.ori} onChange={set('ori')} />
          </Field>
          <Field label="Jurisdiction" id="nu-scope" hint="national, state:XX or county:<id>">
            <input id="nu-scope" required value={form.scope} onChange={set('scope')} />
          </Field>
        </div>
        <button type="submit" className="primary">
          Create user
        </button>
      </form>
      <div className="toolbar">
        <SearchBox label="Search users" value={q} placeholder="Start of user name or display name" onSearch={(text) => navigate(`/admin/users${qs({ q: text })}`)} />
      </div>
      <ErrorBox error={paged.error} title="The users could not be loaded" />
      {!paged.page && paged.loading ? (
        <Loading />
      ) : paged.page?.items.length === 0 ? (
        <Empty title={q ? `No user matches “${q}”` : 'No users'} />
      ) : (
        paged.page && (
          <div className="table-wrap">
            <table className="stack" aria-label="Users">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Time zone</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {paged.page.items.map((u) => (
                  <tr key={u.id}>
                    <td data-label="User">
                      {u.username}
                      <div className="hint">{u.displayName}</div>
                    </td>
                    <td data-label="Role">{u.roleLabel}</td>
                    <td data-label="Jurisdiction">{u.scopeLabel}</td>
                    <td data-label="Agency">{u.ori}</td>
                    <td data-label="Time zone">{u.timeZone}</td>
                    <td data-label="State">
                      <Badge tone={u.disabled ? 'bad' : 'good'}>{u.disabled ? 'disabled' : 'active'}</Badge>{' '}
                      <button type="button" onClick={() => void toggle(u)} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <Pager paged={paged} label="Users" />
    </>
  );
}
