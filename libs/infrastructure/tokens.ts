export const TAHAP_CONFIG = Symbol('TAHAP_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
