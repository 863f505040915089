import { Foundation1764300000000 } from './1764300000000-foundation.migration';

/** In order. A migration that has landed is never edited: add a new one. */
export const MIGRATIONS = [Foundation1764300000000];
