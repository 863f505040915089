import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret of an objection's confirmation link, and its digest, which is all the database keeps. 32 random bytes
 * as base64url: 43 characters that survive any mail client.
 */
export function confirmationCode(): { secret: string; digest: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, digest: digestOf(secret) };
}

export function isConfirmationCodeOf(secret: string, digest: string): boolean {
  const given = Buffer.from(digestOf(secret), 'hex');
  const kept = Buffer.from(digest, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/**
 * The portal page that confirms the objection. The secret rides in the fragment, which browsers never send to a
 * server, so it stays out of proxy and access logs; the page posts it to the API when the objector confirms (a
 * mail scanner that opens links confirms nothing).
 */
export function confirmationLink(publicUrl: string, cycleId: string, objectionId: string, secret: string): string {
  return `${publicUrl}/nominasi/${encodeURIComponent(cycleId)}/konfirmasi/${objectionId}#kode=${secret}`;
}

function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
