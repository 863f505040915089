import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ForbiddenPage } from '../pages/StatusPages';
import { useSession, type Role } from './session';

/**
 * A page for some roles. Nobody signed in goes to sign-in and comes back here afterwards (told why when the session
 * ran out); after a sign-out, to a plain sign-in. Another role is told the page is not for it, not shown an empty one.
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user, ended } = useSession();
  const location = useLocation();
  if (!user) {
    if (ended === 'signed-out') return <Navigate to="/masuk" replace />;
    const back = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/masuk?kembali=${back}${ended === 'expired' ? '&sesi=berakhir' : ''}`} replace />;
  }
  if (!roles.includes(user.role)) return <ForbiddenPage roles={roles} />;
  return <>{children}</>;
}
