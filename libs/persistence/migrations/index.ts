import { Foundation1764300000000 } from './1764300000000-foundation.migration';
import { Registration1764400000000 } from './1764400000000-registration.migration';
import { Notifications1764500000000 } from './1764500000000-notifications.migration';
import { Desk1764600000000 } from './1764600000000-desk.migration';
import { Interview1764700000000 } from './1764700000000-interview.migration';
import { FieldVerification1764800000000 } from './1764800000000-field-verification.migration';
import { AuditLog1764900000000 } from './1764900000000-audit-log.migration';
import { Plenary1765000000000 } from './1765000000000-plenary.migration';
import { Lineage1765000000001 } from './1765000000001-lineage.migration';
import { Drafts1765100000000 } from './1765100000000-drafts.migration';
import { UserLanguage1765200000000 } from './1765200000000-user-language.migration';
import { ListIndexes1765300000000 } from './1765300000000-list-indexes.migration';
import { SecurityHardening1765400000000 } from './1765400000000-security-hardening.migration';
import { ObjectionConfirmation1765500000000 } from './1765500000000-objection-confirmation.migration';
import { AuditLogAppendOnlyGrants1765600000000 } from './1765600000000-audit-log-append-only-grants.migration';

/** In order. A migration that has landed is never edited: add a new one. */
export const MIGRATIONS = [
  Foundation1764300000000,
  Registration1764400000000,
  Notifications1764500000000,
  Desk1764600000000,
  Interview1764700000000,
  FieldVerification1764800000000,
  AuditLog1764900000000,
  Plenary1765000000000,
  Lineage1765000000001,
  Drafts1765100000000,
  UserLanguage1765200000000,
  ListIndexes1765300000000,
  SecurityHardening1765400000000,
  ObjectionConfirmation1765500000000,
  AuditLogAppendOnlyGrants1765600000000,
];
