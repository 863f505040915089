import type { FieldIssue } from '../../../libs/domain';

/**
 * Keys every object inherits, which the validator does not see as unknown fields, and `prototype`, which
 * class-transformer drops while it turns a body into its class (a template's `params: { prototype: 1 }` reached the
 * template validator as `{}` and was stored): refused, so no field vanishes unnoticed.
 */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** What in a request's body, query or parameters cannot be taken as it is, each with its path. */
export function plainInputProblems(value: unknown, path = '', issues: FieldIssue[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    // PostgreSQL cannot store U+0000 in text or jsonb.
    if (value.includes('\u0000'))
      issues.push({ path: path || '(body)', message: 'must not contain the NUL character' });
    return issues;
  }
  if (typeof value !== 'object' || value === null) return issues;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && INHERITED.has(key)) issues.push({ path: innerPath, message: 'is not a known field' });
    plainInputProblems(inner, innerPath, issues);
  }
  return issues;
}
