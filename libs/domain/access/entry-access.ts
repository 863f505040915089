import type { Principal } from './role';

/**
 * Whether a caller may see one entry. Everyone else gets "not found", so ids of other agencies' entries leak
 * nothing. Evaluators and panelists see only what they were assigned.
 */
export function canSeeEntry(principal: Principal, entry: { agencyCode: string }, assignedUserIds: string[]): boolean {
  switch (principal.role) {
    case 'admin':
    case 'auditor':
      return true;
    case 'agency':
    case 'agency-unit':
      return principal.agencyCode === entry.agencyCode;
    case 'evaluator':
    case 'panelist':
      return assignedUserIds.includes(principal.userId);
  }
}
