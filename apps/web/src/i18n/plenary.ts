import { section } from './dictionary';

/** A panelist's pages and the plenary room. */
export const plenaryText = section({
  id: {},
  en: {},
});
