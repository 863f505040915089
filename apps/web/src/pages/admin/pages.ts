import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** The secretariat's pages (and the cycle pages an auditor reads). */
export const ADMIN_PAGES: PortalPage[] = [
  { path: '/siklus', roles: ROLES_OF.cycles, Page: lazyPage(() => import('./CyclesPage'), 'CyclesPage') },
  {
    path: '/siklus/baru',
    roles: ['admin'],
    Page: lazyPage(() => import('./CreateCyclePage'), 'CreateCyclePage'),
  },
  {
    path: '/siklus/:cycleId',
    roles: ROLES_OF.cycles,
    Page: lazyPage(() => import('./CyclePage'), 'CyclePage'),
  },
  {
    path: '/siklus/:cycleId/seleksi-administrasi',
    roles: ['admin'],
    Page: lazyPage(() => import('./ScreeningPage'), 'ScreeningPage'),
  },
  {
    path: '/siklus/:cycleId/entri',
    roles: ROLES_OF.cycles,
    Page: lazyPage(() => import('./EntriesPage'), 'EntriesPage'),
  },
  {
    path: '/siklus/:cycleId/entri/:entryId',
    roles: ROLES_OF.cycles,
    Page: lazyPage(() => import('./EntryDetailPage'), 'EntryDetailPage'),
  },
  {
    path: '/siklus/:cycleId/keberatan',
    roles: ROLES_OF.cycles,
    Page: lazyPage(() => import('./ObjectionsPage'), 'ObjectionsPage'),
  },
  {
    path: '/pengiriman',
    roles: ROLES_OF.deliveries,
    Page: lazyPage(() => import('./DeliveriesPage'), 'DeliveriesPage'),
  },
  {
    path: '/pengguna',
    roles: ROLES_OF.users,
    Page: lazyPage(() => import('./UsersPage'), 'UsersPage'),
  },
  {
    path: '/instansi',
    roles: ROLES_OF.agencies,
    Page: lazyPage(() => import('./AgenciesPage'), 'AgenciesPage'),
  },
  { path: '/surat', roles: ['admin'], Page: lazyPage(() => import('./MailSinkPage'), 'MailSinkPage') },
];
