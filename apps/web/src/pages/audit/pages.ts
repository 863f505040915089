import type { PortalPage } from '../page';

/** An auditor's pages: finding workflows, timelines, replay verification, exports. */
export const AUDIT_PAGES: PortalPage[] = [];
