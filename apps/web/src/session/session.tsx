import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Zone } from '../../../../libs/domain/time-zone';
import { api, authenticate, must } from '../api/client';
import { i18n } from '../i18n';
import type { Language } from '../format/time';

export type Role = 'admin' | 'agency' | 'agency-unit' | 'evaluator' | 'panelist' | 'auditor';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  /** The zone every instant is shown in: the agency's own; WIB (the ministry's) for everyone else. */
  zone: Zone;
}

interface Stored {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

interface SessionApi {
  user?: SessionUser;
  /** Why nobody is signed in any more: sign-in says so for an expired session, and forgets the page for a sign-out. */
  ended?: 'expired' | 'signed-out';
  language: Language;
  signIn(email: string, password: string): Promise<SessionUser>;
  signOut(): void;
  setLanguage(language: Language): void;
}

const KEY = 'tahap.session';
const SessionContext = createContext<SessionApi | undefined>(undefined);

function readStored(): Stored | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    return stored && stored.expiresAt > Date.now() ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The language a person chose last on this browser, else Indonesian. */
function languageOf(userId: string | undefined): Language {
  const chosen = localStorage.getItem(`tahap.language.${userId ?? 'anonymous'}`);
  return chosen === 'en' ? 'en' : 'id';
}

/**
 * Who is signed in. The token lives in localStorage until it expires; when it does (its clock, or the API's 401), the
 * person is sent to sign-in with the page they were on, and comes back to it after signing in again.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | undefined>(readStored);
  const [ended, setEnded] = useState<'expired' | 'signed-out'>();
  const [language, setLanguageState] = useState<Language>(() => languageOf(readStored()?.user.id));

  // RequireRole sends the person to sign-in, with the page they were on.
  const expire = useCallback(() => {
    localStorage.removeItem(KEY);
    setStored(undefined);
    setEnded('expired');
  }, []);

  authenticate(stored?.token, expire);
  useEffect(() => {
    if (!stored) return;
    const timer = setTimeout(expire, Math.max(0, stored.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [stored, expire]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await must(api.POST('/api/auth/login', { body: { email, password } }));
    authenticate(session.accessToken);
    const agencyCode = session.user.agencyCode;
    const [agency, me] = await Promise.all([
      agencyCode
        ? must(api.GET('/api/agencies/{code}', { params: { path: { code: agencyCode } } }))
        : Promise.resolve(undefined),
      must(api.GET('/api/auth/me')),
    ]);
    const user: SessionUser = {
      ...session.user,
      role: session.user.role as Role,
      zone: (agency?.zone as Zone) ?? 'WIB',
    };
    const next = { token: session.accessToken, expiresAt: Date.now() + session.expiresIn * 1000, user };
    localStorage.setItem(KEY, JSON.stringify(next));
    setStored(next);
    setEnded(undefined);
    // The person's own choice, kept on the server, follows them to any browser; else this browser's, else the agency's.
    if (me.language) localStorage.setItem(`tahap.language.${user.id}`, me.language);
    const remembered = localStorage.getItem(`tahap.language.${user.id}`);
    setLanguageState(remembered ? languageOf(user.id) : ((agency?.language as Language | undefined) ?? 'id'));
    return user;
  }, []);

  const signOut = useCallback(() => {
    localStorage.removeItem(KEY);
    authenticate(undefined);
    setStored(undefined);
    setEnded('signed-out');
  }, []);

  const setLanguage = useCallback(
    (next: Language) => {
      localStorage.setItem(`tahap.language.${stored?.user.id ?? 'anonymous'}`, next);
      setLanguageState(next);
      // Kept with the account too, so the next sign-in anywhere starts in it; an auditor changes nothing, so their
      // choice stays with this browser, as it does when the server cannot be reached.
      if (stored && stored.user.role !== 'auditor') {
        void api.PUT('/api/auth/me/language', { body: { language: next } }).catch(() => undefined);
      }
    },
    [stored],
  );

  const value = useMemo(
    () => ({ user: stored?.user, ended, language, signIn, signOut, setLanguage }),
    [stored, ended, language, signIn, signOut, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person; only for pages behind RequireRole. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
