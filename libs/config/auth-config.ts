import { ConfigError } from './config';

export interface AuthConfig {
  /** HMAC key for HS256 login tokens; at least 32 characters. */
  jwtSecret: string;
  accessTokenMinutes: number;
  /** Created at start when no user has this e-mail: how the first admin of a fresh installation logs in. */
  bootstrapAdmin?: { email: string; password: string };
}

/** Only the API needs these; read at its boot, failing loudly like the rest of the configuration. */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const jwtSecret = env.JWT_SECRET?.trim() ?? '';
  if (jwtSecret.length < 32) {
    throw new ConfigError(
      'JWT_SECRET must be set to at least 32 random characters (for example `openssl rand -hex 32`); `npm start` makes one under .data/.',
    );
  }
  const rawMinutes = env.ACCESS_TOKEN_MINUTES?.trim() || '15';
  const accessTokenMinutes = Number(rawMinutes);
  if (!Number.isInteger(accessTokenMinutes) || accessTokenMinutes < 1 || accessTokenMinutes > 1440) {
    throw new ConfigError(`ACCESS_TOKEN_MINUTES must be a whole number from 1 to 1440, got "${rawMinutes}".`);
  }
  const email = env.TAHAP_ADMIN_EMAIL?.trim();
  const password = env.TAHAP_ADMIN_PASSWORD ?? '';
  if (email && password.length < 12) {
    throw new ConfigError('TAHAP_ADMIN_PASSWORD must be at least 12 characters when TAHAP_ADMIN_EMAIL is set.');
  }
  return { jwtSecret, accessTokenMinutes, bootstrapAdmin: email ? { email, password } : undefined };
}
