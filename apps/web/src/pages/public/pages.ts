import { lazyPage, type PublicPage } from '../page';

/** Pages anyone opens without signing in: the nominees during uji publik, the announced results. */
export const PUBLIC_PAGES: PublicPage[] = [
  { path: '/nominasi/:cycleId', Page: lazyPage(() => import('./NomineesPage'), 'NomineesPage') },
  { path: '/hasil/:cycleId', Page: lazyPage(() => import('./ResultsPage'), 'ResultsPage') },
];
