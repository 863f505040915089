import { section } from './dictionary';

/** The public pages: nominees and results. */
export const publicText = section({
  id: {},
  en: {},
});
