import type { PublicPage } from '../page';

/** Pages anyone opens without signing in: the nominees during uji publik, the announced results. */
export const PUBLIC_PAGES: PublicPage[] = [];
