import { Response } from 'express';
import { SESSION_COOKIE } from './access.guard';

/** Stores a freshly issued token as the session cookie (HttpOnly, SameSite=Lax). */
export function setSessionCookie(
  response: Response,
  session: { accessToken: string; expiresIn: number },
  secure: boolean,
): void {
  response.cookie(SESSION_COOKIE, session.accessToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: session.expiresIn * 1000,
    path: '/',
  });
}

// Only same-site paths, so the sign-in and password forms cannot be used as open redirects.
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
