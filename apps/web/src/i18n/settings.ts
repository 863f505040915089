import { section } from './dictionary';

/** The settings pages: notification preferences, API keys, webhooks. */
export const settingsText = section({
  id: {},
  en: {},
});
