import { Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { NotFoundPage } from './pages/StatusPages';
import { ROLES_OF } from './routes';
import { RequireRole } from './session/RequireRole';
import type { Role } from './session/session';

/** A page loaded when first visited, so an agency's phone never downloads the secretariat's pages. */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const PAGES: { path: string; roles: Role[]; Page: LazyExoticComponent<ComponentType> }[] = [
  {
    path: '/inovasi',
    roles: ROLES_OF.innovations,
    Page: page(() => import('./pages/agency/InnovationsPage'), 'InnovationsPage'),
  },
  {
    path: '/inovasi/:entryId',
    roles: ROLES_OF.innovations,
    Page: page(() => import('./pages/agency/EntryPage'), 'EntryPage'),
  },
  {
    path: '/draf/:draftId',
    roles: ROLES_OF.innovations,
    Page: page(() => import('./pages/agency/DraftPage'), 'DraftPage'),
  },
  { path: '/kotak-masuk', roles: ROLES_OF.inbox, Page: page(() => import('./pages/InboxPage'), 'InboxPage') },
  { path: '/siklus', roles: ROLES_OF.cycles, Page: page(() => import('./pages/admin/CyclesPage'), 'CyclesPage') },
  {
    path: '/siklus/baru',
    roles: ['admin'],
    Page: page(() => import('./pages/admin/CreateCyclePage'), 'CreateCyclePage'),
  },
  {
    path: '/siklus/:cycleId/seleksi-administrasi',
    roles: ['admin'],
    Page: page(() => import('./pages/admin/ScreeningPage'), 'ScreeningPage'),
  },
  {
    path: '/instansi',
    roles: ROLES_OF.agencies,
    Page: page(() => import('./pages/admin/AgenciesPage'), 'AgenciesPage'),
  },
  {
    path: '/siklus/:cycleId',
    roles: ROLES_OF.cycles,
    Page: page(() => import('./pages/admin/CyclePage'), 'CyclePage'),
  },
];

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<SignInPage />} />
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
