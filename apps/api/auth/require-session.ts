import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';

/**
 * Credentials and notification settings are changed by a person who signed in, never with an API key: a leaked
 * key must not be able to mint more keys or redirect the agency's notices.
 */
export function requireSession(principal: Principal): void {
  if (principal.via !== 'session') {
    throw new DomainError(
      ErrorCode.AuthForbidden,
      'Sign in to change keys, webhooks or preferences; an API key cannot.',
    );
  }
}
