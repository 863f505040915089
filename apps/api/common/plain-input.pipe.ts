import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldIssue } from '../../../libs/domain';

/**
 * Keys every object inherits, which the validator does not see as unknown fields, and `prototype`, which
 * class-transformer drops while it turns a body into its class (a template's `params: { prototype: 1 }` reached the
 * template validator as `{}` and was stored): refused here, so no field vanishes unnoticed.
 */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

function problemsIn(value: unknown, path: string, issues: FieldIssue[]): void {
  if (typeof value === 'string') {
    // PostgreSQL cannot store U+0000 in text or jsonb.
    if (value.includes('\u0000'))
      issues.push({ path: path || '(body)', message: 'must not contain the NUL character' });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && INHERITED.has(key)) issues.push({ path: innerPath, message: 'is not a known field' });
    problemsIn(inner, innerPath, issues);
  }
}

/**
 * Runs before validation on every body, query and parameter: refuses text PostgreSQL cannot store and keys that
 * shadow built-in object properties, which the class validator would let through unnoticed.
 */
@Injectable()
export class PlainInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const issues: FieldIssue[] = [];
    problemsIn(value, '', issues);
    if (issues.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Request is invalid: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
        issues,
      );
    }
    return value;
  }
}
