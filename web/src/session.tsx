/** Who is signed in: loaded from GET /api/session, replaced on sign-in, cleared on sign-out or any 401. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionView } from '../../src/server/contract/session.ts';
import { api, ApiError, onSignedOut, setCsrfToken } from './api.ts';

interface SessionState {
  session: SessionView | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: string): boolean;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView | null>(null);
  const [loading, setLoading] = useState(true);

  const accept = useCallback((s: SessionView | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    setSession(s);
  }, []);

  useEffect(() => {
    onSignedOut(() => accept(null));
    api<SessionView>('GET', '/api/session')
      .then(accept)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 401)) console.error(e);
        accept(null);
      })
      .finally(() => setLoading(false));
  }, [accept]);

  const signIn = useCallback(
    async (username: string, password: string) => accept(await api<SessionView>('POST', '/api/session', { username, password })),
    [accept],
  );
  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session').catch(() => {});
    accept(null);
  }, [accept]);
  const can = useCallback((p: string) => session?.permissions.includes(p) ?? false, [session]);

  return <Ctx.Provider value={{ session, loading, signIn, signOut, can }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user's session; only for views rendered behind the sign-in screen. */
export function useSignedIn(): SessionView {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
