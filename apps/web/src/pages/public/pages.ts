import { lazyPage, type PublicPage } from '../page';

/**
 * Pages anyone opens without signing in: the nominees during uji publik and the confirmation of an objection (the
 * link e-mailed to its objector), the announced results.
 */
export const PUBLIC_PAGES: PublicPage[] = [
  { path: '/nominasi/:cycleId', Page: lazyPage(() => import('./NomineesPage'), 'NomineesPage') },
  {
    path: '/nominasi/:cycleId/konfirmasi/:objectionId',
    Page: lazyPage(() => import('./ConfirmObjectionPage'), 'ConfirmObjectionPage'),
  },
  { path: '/hasil/:cycleId', Page: lazyPage(() => import('./ResultsPage'), 'ResultsPage') },
];
