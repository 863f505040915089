import type { PortalPage } from '../page';

/** A person's own settings: notification preferences, API keys and webhooks. */
export const SETTINGS_PAGES: PortalPage[] = [];
