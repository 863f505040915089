import type { PortalPage } from '../page';

/** A panelist's pages: the interview schedule and the plenary room. */
export const PLENARY_PAGES: PortalPage[] = [];
