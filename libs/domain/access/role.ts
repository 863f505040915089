/**
 * Who a caller is. `agency` is the agency's Admin Lokal, who submits for it; `agency-unit` is one of its service
 * units (UPP), who drafts and sends drafts to the Admin Lokal. An auditor reads everything and changes nothing.
 */
export const ROLES = ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that act for one agency (and carry its code). */
export const AGENCY_ROLES = ['agency', 'agency-unit'] as const satisfies readonly Role[];

export function isAgencyRole(role: Role): boolean {
  return (AGENCY_ROLES as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The caller of a request, from a login token or an agency API key. */
export interface Principal {
  userId: string;
  role: Role;
  /** Set for the agency roles only: the instansi they act for. */
  agencyCode?: string;
  /** `session` for a login token, `api-key` for an agency system. */
  via: 'session' | 'api-key';
}
