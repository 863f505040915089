import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** An auditor's pages: finding workflows, timelines, replay verification, exports. */
export const AUDIT_PAGES: PortalPage[] = [
  { path: '/audit', roles: ROLES_OF.audit, Page: lazyPage(() => import('./FindWorkflowsPage'), 'FindWorkflowsPage') },
  {
    path: '/audit/alur/:workflowId',
    roles: ROLES_OF.audit,
    Page: lazyPage(() => import('./WorkflowPage'), 'WorkflowPage'),
  },
  {
    path: '/audit/siklus/:cycleId',
    roles: ROLES_OF.audit,
    Page: lazyPage(() => import('./CycleAuditPage'), 'CycleAuditPage'),
  },
];
