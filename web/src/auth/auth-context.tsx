import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { sessionOf, type Session } from './session';

interface Auth {
  session: Session | null;
  signIn(token: string): void;
  signOut(): void;
}

const AuthContext = createContext<Auth | null>(null);

/** The token lives in this component's state only: never in localStorage or sessionStorage, gone on reload. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const auth = useMemo<Auth>(
    () => ({ session, signIn: (token) => setSession(sessionOf(token)), signOut: () => setSession(null) }),
    [session],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in session; pages below the sign-in gate only. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
