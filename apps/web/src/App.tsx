import { lazy, Suspense } from 'react';
import { Loader } from '@mantine/core';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { NotFoundPage } from './pages/StatusPages';
import { ROLES_OF } from './routes';
import { RequireRole } from './session/RequireRole';
import type { Role } from './session/session';

// Each role's pages load when first visited, so an agency's phone never downloads the secretariat's.
const CyclesPage = lazy(() => import('./pages/admin/CyclesPage').then((module) => ({ default: module.CyclesPage })));
const CyclePage = lazy(() => import('./pages/admin/CyclePage').then((module) => ({ default: module.CyclePage })));

function Page({ roles, children }: { roles: Role[]; children: React.ReactNode }) {
  return (
    <RequireRole roles={roles}>
      <Suspense fallback={<Loader />}>{children}</Suspense>
    </RequireRole>
  );
}

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
        <Route
          path="/siklus"
          element={
            <Page roles={ROLES_OF.cycles}>
              <CyclesPage />
            </Page>
          }
        />
        <Route
          path="/siklus/:cycleId"
          element={
            <Page roles={ROLES_OF.cycles}>
              <CyclePage />
            </Page>
          }
        />
        <Route path="/instansi" element={<Page roles={ROLES_OF.agencies}>{null}</Page>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
