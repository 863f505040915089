import { canonicalize } from 'json-canonicalize';
import { createHash } from 'node:crypto';
import { canonicalDecision, type PlenaryDecision } from '../domain/plenary';

/** RFC 8785 canonical JSON of the decision's documented fields, and a newline: the same decision, the same bytes. */
export function decisionJson(decision: PlenaryDecision): string {
  return `${canonicalize(canonicalDecision(decision))}\n`;
}

/** SHA-256 of an export as 64 lowercase hex digits; a text is hashed as its UTF-8 bytes (the CSV's BOM included). */
export function exportDigest(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
