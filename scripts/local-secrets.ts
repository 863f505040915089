import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../libs/domain';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  agencyCode?: string;
}

export interface LocalSecrets {
  jwtSecret: string;
  logins: DemoLogin[];
}

const password = () => randomBytes(12).toString('base64url');

/** A login for every role; three panelists, since the demo's plenary needs two of them present. */
const DEMO_ACCOUNTS: Omit<DemoLogin, 'password'>[] = [
  { role: 'admin', email: 'admin@tahap.local' },
  { role: 'agency', email: 'inovasi@banyuwangikab.go.id', agencyCode: 'kab-banyuwangi' },
  { role: 'evaluator', email: 'evaluator@tahap.local' },
  { role: 'panelist', email: 'panelis@tahap.local' },
  { role: 'panelist', email: 'panelis2@tahap.local' },
  { role: 'panelist', email: 'panelis3@tahap.local' },
  { role: 'auditor', email: 'auditor@tahap.local' },
];

/**
 * The embedded setup's secrets: a JWT key and the demo logins, made once per data folder (readable by its owner
 * only) and reused, so tokens and passwords survive a restart. Production sets JWT_SECRET and its own accounts.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets) : undefined;
  const secrets: LocalSecrets = {
    jwtSecret: kept?.jwtSecret ?? randomBytes(32).toString('hex'),
    logins: DEMO_ACCOUNTS.map(
      (account) => kept?.logins.find((login) => login.email === account.email) ?? { ...account, password: password() },
    ),
  };
  // A data folder made before a demo account existed gets it added; the others keep their passwords.
  if (!kept || kept.logins.length !== secrets.logins.length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
