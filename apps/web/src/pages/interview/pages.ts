import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** A panelist's pages: the interview schedule with attendance and score sheets. */
export const INTERVIEW_PAGES: PortalPage[] = [
  {
    path: '/wawancara',
    roles: ROLES_OF.interviews,
    Page: lazyPage(() => import('./InterviewAgendaPage'), 'InterviewAgendaPage'),
  },
];
