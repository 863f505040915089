import type { Role } from './session/session';

/** What each role finds in the navigation; a page's own guard (RequireRole) uses the same lists. */
export const ROLES_OF = {
  home: ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist', 'auditor'],
  innovations: ['agency', 'agency-unit'],
  inbox: ['agency', 'agency-unit', 'evaluator', 'panelist'],
  cycles: ['admin', 'auditor'],
  agencies: ['admin'],
  deliveries: ['admin', 'auditor'],
  users: ['admin'],
  settings: ['agency', 'admin'],
  // Desk evaluation: an evaluator's queue and score sheets.
  review: ['evaluator'],
  // A panelist's interviews: schedule, attendance and score sheets.
  interviews: ['panelist'],
  // The plenary room: panelists sit and vote, the secretariat closes, auditors read.
  plenary: ['panelist', 'admin', 'auditor'],
  audit: ['auditor', 'admin'],
} satisfies Record<string, Role[]>;

export const INBOX_ROLES: Role[] = ROLES_OF.inbox;

export const NAVIGATION: { path: string; label: string; roles: Role[] }[] = [
  { path: '/', label: 'nav.home', roles: ROLES_OF.home },
  { path: '/inovasi', label: 'nav.innovations', roles: ROLES_OF.innovations },
  { path: '/kotak-masuk', label: 'nav.inbox', roles: ROLES_OF.inbox },
  { path: '/penilaian', label: 'review.nav', roles: ROLES_OF.review },
  { path: '/wawancara', label: 'panelInterviews.nav', roles: ROLES_OF.interviews },
  { path: '/siklus', label: 'nav.cycles', roles: ROLES_OF.cycles },
  { path: '/instansi', label: 'nav.agencies', roles: ROLES_OF.agencies },
  { path: '/pengiriman', label: 'adminLists.nav.deliveries', roles: ROLES_OF.deliveries },
  { path: '/pengguna', label: 'adminLists.nav.users', roles: ROLES_OF.users },
  { path: '/pleno', label: 'plenary.nav', roles: ROLES_OF.plenary },
  // Admins may open the audit pages too (ROLES_OF.audit) but their menu lists the secretariat's own work.
  { path: '/audit', label: 'audit.nav', roles: ['auditor'] },
  { path: '/surat', label: 'nav.mail', roles: ['admin'] },
  { path: '/pengaturan', label: 'nav.settings', roles: ROLES_OF.settings },
];
