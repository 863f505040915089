/** Who a caller is. An auditor reads everything and changes nothing. */
export const ROLES = ['admin', 'agency', 'evaluator', 'panelist', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The caller of a request, from a login token or an agency API key. */
export interface Principal {
  userId: string;
  role: Role;
  /** Set for the agency role only: the instansi it acts for. */
  agencyCode?: string;
  /** `session` for a login token, `api-key` for an agency system. */
  via: 'session' | 'api-key';
}
