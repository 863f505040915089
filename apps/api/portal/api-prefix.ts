/** Every API route lives under `/api`; the rest of the origin is the portal's. */
export const API_PREFIX = 'api';
