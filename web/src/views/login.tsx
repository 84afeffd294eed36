import { useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { ErrorBox, Field } from '../components/ui.tsx';

export function Login() {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">seccom console</h1>
        <p className="muted">Secure Communities booking interoperability. All people in this system are synthetic.</p>
        <ErrorBox error={error} title="Sign-in failed" />
        <Field label="User name" id="username">
          <input id="username" name="username" autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label="Password" id="password">
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="hint">
          Demo accounts and their passwords are printed once by <code>npm start</code>; add one with <code>npx seccom user add</code>.
        </p>
      </form>
    </main>
  );
}
