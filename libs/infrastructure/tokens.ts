export const TAHAP_CONFIG = Symbol('TAHAP_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The database as `Db` (libs/persistence/shared/db.ts): what services hand to the feature stores. */
export const DB = Symbol('DB');
