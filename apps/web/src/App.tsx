import { Loader } from '@mantine/core';
import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { HomePage } from './pages/HomePage';
import { ADMIN_PAGES } from './pages/admin/pages';
import { AGENCY_PAGES } from './pages/agency/pages';
import { AUDIT_PAGES } from './pages/audit/pages';
import { INTERVIEW_PAGES } from './pages/interview/pages';
import { lazyPage, type PortalPage } from './pages/page';
import { PLENARY_PAGES } from './pages/plenary/pages';
import { PUBLIC_PAGES } from './pages/public/pages';
import { REVIEW_PAGES } from './pages/review/pages';
import { SETTINGS_PAGES } from './pages/settings/pages';
import { SignInPage } from './pages/SignInPage';
import { NotFoundPage } from './pages/StatusPages';
import { ROLES_OF } from './routes';
import { RequireRole } from './session/RequireRole';

/** Every page; each area lists its own, so a new page is one line in its area's list. */
const PAGES: PortalPage[] = [
  ...AGENCY_PAGES,
  ...ADMIN_PAGES,
  ...SETTINGS_PAGES,
  ...REVIEW_PAGES,
  ...INTERVIEW_PAGES,
  ...PLENARY_PAGES,
  ...AUDIT_PAGES,
  { path: '/kotak-masuk', roles: ROLES_OF.inbox, Page: lazyPage(() => import('./pages/InboxPage'), 'InboxPage') },
];

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<SignInPage />} />
      <Route element={<PublicLayout />}>
        {PUBLIC_PAGES.map(({ path, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={<Loader role="status" aria-label="…" />}>
                <Page />
              </Suspense>
            }
          />
        ))}
      </Route>
      <Route
        element={
          <RequireRole roles={ROLES_OF.home}>
            <AppLayout />
          </RequireRole>
        }
      >
        <Route index element={<HomePage />} />
        {PAGES.map(({ path, roles, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole roles={roles}>
                <Suspense fallback={<Loader role="status" aria-label="…" />}>
                  <Page />
                </Suspense>
              </RequireRole>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
