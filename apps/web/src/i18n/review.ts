import { section } from './dictionary';

/** An evaluator's pages. */
export const reviewText = section({
  id: {},
  en: {},
});
