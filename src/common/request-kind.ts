import { Request } from 'express';

/** API routes always answer JSON; other routes answer HTML when the client accepts it. */
export function isApiRequest(request: Request): boolean {
  const path = request.path ?? request.url;
  return path.startsWith('/api/') || path === '/api' || path === '/health';
}

export function wantsHtml(request: Request): boolean {
  if (isApiRequest(request)) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
