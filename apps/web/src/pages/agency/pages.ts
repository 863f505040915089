import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** What an agency's people open: their innovations, drafts and entries. */
export const AGENCY_PAGES: PortalPage[] = [
  {
    path: '/inovasi',
    roles: ROLES_OF.innovations,
    Page: lazyPage(() => import('./InnovationsPage'), 'InnovationsPage'),
  },
  {
    path: '/inovasi/:entryId',
    roles: ROLES_OF.innovations,
    Page: lazyPage(() => import('./EntryPage'), 'EntryPage'),
  },
  {
    path: '/draf/:draftId',
    roles: ROLES_OF.innovations,
    Page: lazyPage(() => import('./DraftPage'), 'DraftPage'),
  },
];
