import { section } from './dictionary';

/** An auditor's pages. */
export const auditText = section({
  id: {},
  en: {},
});
