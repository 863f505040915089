import { CLUSTERS, isCluster, type Cluster } from '../cluster';
import { type FieldIssue } from '../error-codes';
import { ZONES, isZone, type Zone } from '../time-zone';

export const LANGUAGES = ['id', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export interface AgencyContact {
  name: string;
  email: string;
  phone?: string;
}

export interface AgencyProfile {
  code: string;
  name: string;
  cluster: Cluster;
  province: string;
  zone: Zone;
  contacts: AgencyContact[];
  language: Language;
  /** In a daerah 3T (tertinggal, terdepan, terluar); false when not said. */
  region3T?: boolean;
}

type Json = Record<string, unknown>;
type Add = (path: string, message: string) => void;

const PROFILE_FIELDS = ['code', 'name', 'cluster', 'province', 'zone', 'contacts', 'language', 'region3T'];
const CONTACT_FIELDS = ['name', 'email', 'phone'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const MAX_CONTACTS = 10;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own fields only: a field inherited from a prototype is not part of the submitted JSON. */
const field = (object: Json, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** A value as a message quotes it. Not `String(value)`: a JSON object with its own `toString` key makes that throw. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function checkText(value: unknown, min: number, max: number, path: string, add: Add): void {
  if (typeof value !== 'string') return add(path, `must be a text of ${min} to ${max} characters, not ${shown(value)}`);
  const length = value.trim().length;
  if (length < min || length > max) add(path, `must be ${min} to ${max} characters long (it has ${length})`);
}

function checkUnknownFields(object: Json, known: string[], prefix: string, add: Add): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) add(`${prefix}${key}`, `is not a known field; the fields are ${known.join(', ')}`);
  }
}

function checkContact(contact: unknown, path: string, add: Add): void {
  if (!isObject(contact))
    return add(path, `must be an object with name, email and optional phone, not ${shown(contact)}`);
  checkText(field(contact, 'name'), 1, 120, `${path}.name`, add);
  const email = field(contact, 'email');
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) {
    add(`${path}.email`, `must be an email address such as humas@banyuwangikab.go.id, not ${shown(email)}`);
  }
  const phone = field(contact, 'phone');
  if (phone !== undefined && (typeof phone !== 'string' || !PHONE.test(phone))) {
    add(`${path}.phone`, `must be 6 to 20 digits, spaces, brackets or dashes, such as +62 333 424172, or be left out`);
  }
  checkUnknownFields(contact, CONTACT_FIELDS, `${path}.`, add);
}

/** Every problem of an agency profile, each with the path of the field a person must fix. Never throws. */
export function validateAgencyProfile(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add: Add = (path, message) => void issues.push({ path, message });
  if (!isObject(input)) return [{ path: '(profile)', message: `must be an object, not ${shown(input)}` }];

  const code = field(input, 'code');
  if (typeof code !== 'string' || !SLUG.test(code)) {
    add('code', `must be a lowercase slug such as kab-banyuwangi, not ${shown(code)}`);
  } else if (code.length > 64) {
    add('code', `must be at most 64 characters long (it has ${code.length})`);
  }
  checkText(field(input, 'name'), 3, 200, 'name', add);
  const cluster = field(input, 'cluster');
  if (!isCluster(cluster)) add('cluster', `must be one of ${CLUSTERS.join(', ')}, not ${shown(cluster)}`);
  checkText(field(input, 'province'), 2, 100, 'province', add);
  const zone = field(input, 'zone');
  if (!isZone(zone)) add('zone', `must be one of ${ZONES.join(', ')}, not ${shown(zone)}`);

  const contacts = field(input, 'contacts');
  if (!Array.isArray(contacts) || contacts.length < 1 || contacts.length > MAX_CONTACTS) {
    const count = Array.isArray(contacts) ? `it has ${contacts.length}` : `not ${shown(contacts)}`;
    add('contacts', `must be a list of 1 to ${MAX_CONTACTS} contacts (${count})`);
  }
  if (Array.isArray(contacts)) contacts.forEach((contact, index) => checkContact(contact, `contacts[${index}]`, add));

  const language = field(input, 'language');
  if (!(LANGUAGES as readonly unknown[]).includes(language)) {
    add('language', `must be one of ${LANGUAGES.join(', ')}, not ${shown(language)}`);
  }
  const region3T = field(input, 'region3T');
  if (region3T !== undefined && typeof region3T !== 'boolean')
    add('region3T', `must be true or false, not ${shown(region3T)}`);
  checkUnknownFields(input, PROFILE_FIELDS, '', add);
  return issues;
}
