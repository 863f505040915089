import type { PortalPage } from '../page';

/** An evaluator's pages: the work queue and the score sheet. */
export const REVIEW_PAGES: PortalPage[] = [];
