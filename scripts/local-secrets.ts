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

/**
 * The embedded setup's secrets: a JWT key and the demo logins, made once per data folder (readable by its owner
 * only) and reused, so tokens and passwords survive a restart. Production sets JWT_SECRET and its own accounts.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(32).toString('hex'),
    logins: [
      { role: 'admin', email: 'admin@tahap.local', password: password() },
      { role: 'agency', email: 'inovasi@banyuwangikab.go.id', password: password(), agencyCode: 'kab-banyuwangi' },
      { role: 'evaluator', email: 'evaluator@tahap.local', password: password() },
      { role: 'panelist', email: 'panelis@tahap.local', password: password() },
      { role: 'auditor', email: 'auditor@tahap.local', password: password() },
    ],
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
