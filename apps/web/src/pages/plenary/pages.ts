import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** A panelist's pages: the interview schedule and the plenary room. */
export const PLENARY_PAGES: PortalPage[] = [
  {
    path: '/pleno',
    roles: ROLES_OF.plenary,
    Page: lazyPage(() => import('./PlenaryCyclesPage'), 'PlenaryCyclesPage'),
  },
  {
    path: '/pleno/:cycleId',
    roles: ROLES_OF.plenary,
    Page: lazyPage(() => import('./PlenaryRoomPage'), 'PlenaryRoomPage'),
  },
];
