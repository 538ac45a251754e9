import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Signed double-submit: a random nonce lives in an HttpOnly cookie, forms and scripts send
// HMAC(secret, nonce). A cross-site page can neither read the cookie nor forge the HMAC.
export const CSRF_COOKIE = 'academy_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function csrfTokenFor(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
}

export function csrfTokenMatches(
  secret: string,
  nonce: string | undefined,
  token: unknown,
): boolean {
  if (!nonce || typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secret, nonce));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
