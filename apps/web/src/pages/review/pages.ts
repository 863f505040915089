import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** An evaluator's pages: the work queue and the score sheet. */
export const REVIEW_PAGES: PortalPage[] = [
  {
    path: '/penilaian',
    roles: ROLES_OF.review,
    Page: lazyPage(() => import('./ReviewQueuePage'), 'ReviewQueuePage'),
  },
  {
    path: '/penilaian/:cycleId/:entryId',
    roles: ROLES_OF.review,
    Page: lazyPage(() => import('./ScoreSheetPage'), 'ScoreSheetPage'),
  },
];
