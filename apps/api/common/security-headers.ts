import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of every answer, written for the portal (a Vite build served from this origin: its
 * scripts, styles and assets under /assets, the API under /api) and good for the OpenAPI page too. No script but
 * the origin's own files runs. Styles may be inline: Mantine sets style attributes and a <style> element as it
 * renders, and the berita acara and mails the portal shows in frames carry their own <style> (a srcdoc frame
 * inherits this policy). Images may be data: and blob: URLs (the OpenAPI page's icons, downloads the portal
 * makes). No page of another origin may frame Tahap.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every answer of the API and the portal (what `helmet` would set, which Tahap does not
 * depend on): the policy above, no MIME sniffing, no framing (for browsers that predate frame-ancestors too), and no
 * Referer sent to other sites, so a meeting link opened from the portal does not learn which page it was on.
 */
export function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  next();
}
