import request from 'supertest';

/** A cookie-carrying client that behaves like a browser: it reads the CSRF token from pages. */
export class BrowserSession {
  private readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly server: Parameters<typeof request>[0]) {}

  async get(path: string): Promise<request.Response> {
    const response = await request(this.server)
      .get(path)
      .set('Accept', 'text/html')
      .set('Cookie', this.cookieHeader());
    this.remember(response);
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(response.text ?? '');
    if (token) this.csrfToken = token[1];
    return response;
  }

  async postForm(
    path: string,
    form: Record<string, string | string[]>,
    withToken = true,
  ): Promise<request.Response> {
    const body = withToken ? { ...form, _csrf: this.csrfToken } : form;
    const response = await request(this.server)
      .post(path)
      .type('form')
      .set('Accept', 'text/html')
      .set('Cookie', this.cookieHeader())
      .send(body);
    this.remember(response);
    return response;
  }

  /** A JSON call from a page script: session cookie plus the CSRF header. */
  async sendJson(
    method: 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body: object,
    withToken = true,
  ): Promise<request.Response> {
    const client = request(this.server);
    let call = client[method](path)
      .set('Cookie', this.cookieHeader())
      .set('Accept', 'application/json');
    if (withToken) call = call.set('x-csrf-token', this.csrfToken);
    const response = await call.send(body);
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<request.Response> {
    await this.get('/login');
    return this.postForm('/login', { email, password, next: '/' });
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: request.Response): void {
    const header = response.headers['set-cookie'] as unknown;
    for (const cookie of Array.isArray(header) ? (header as string[]) : []) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
