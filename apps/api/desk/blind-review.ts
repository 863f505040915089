import { blindReviewOf, type Principal, type ResolvedTemplate } from '../../../libs/domain';

/** The fields of a response that name or place an entry's agency: its name and code, its province, 3T. */
export const AGENCY_IDENTITY_FIELDS: readonly string[] = ['agencyCode', 'agencyName', 'province', 'region3T'];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * A response with every field that names or places an agency left out, at any depth (objects in lists too). Pure:
 * the value given is not changed; instants and other non-plain objects are kept as they are.
 */
export function withoutAgencyIdentity<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutAgencyIdentity(item)) as T;
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !AGENCY_IDENTITY_FIELDS.includes(key))
      .map(([key, item]) => [key, withoutAgencyIdentity(item)]),
  ) as T;
}

/** Whether `reader` reads the cycle blind: an evaluator, in a cycle whose desk evaluation is blind review. */
export function readsBlind(reader: Pick<Principal, 'role'>, template: Pick<ResolvedTemplate, 'stages'>): boolean {
  return reader.role === 'evaluator' && blindReviewOf(template);
}

/**
 * A response about a cycle's entries as `reader` may receive it: without the agency for an evaluator of a cycle under
 * blind review, as built for anyone else (admins and auditors always see everything).
 */
export function asReaderOfCycle<T>(
  response: T,
  reader: Pick<Principal, 'role'>,
  template: Pick<ResolvedTemplate, 'stages'>,
): T {
  return readsBlind(reader, template) ? withoutAgencyIdentity(response) : response;
}
