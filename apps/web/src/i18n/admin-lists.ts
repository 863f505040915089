import { section } from './dictionary';

/** The secretariat's lists: entries, objections, deliveries, users. */
export const adminListsText = section({
  id: {},
  en: {},
});
