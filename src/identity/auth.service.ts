import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { LoginAttempts } from './login-attempts';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { Viewer, viewerOf } from './viewer';

interface TokenClaims {
  sub: string;
}

// A signed-in user is re-read at most this often, so a deactivation or role change
// takes effect within seconds without a database read on every request.
const VIEWER_CACHE_MS = 5000;
// One office behind one address may fail more often than one account.
const ADDRESS_FAILURE_FACTOR = 5;

@Injectable()
export class AuthService {
  private readonly accountFailures: LoginAttempts;
  private readonly addressFailures: LoginAttempts;
  private readonly viewers = new Map<string, { viewer: Omit<Viewer, 'via'>; until: number }>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.accountFailures = new LoginAttempts(
      clock,
      config.loginMaxFailures,
      config.loginLockoutSeconds,
    );
    this.addressFailures = new LoginAttempts(
      clock,
      config.loginMaxFailures * ADDRESS_FAILURE_FACTOR,
      config.loginLockoutSeconds,
    );
    users.onChange((id) => this.viewers.delete(id));
  }

  /** Checks credentials; the same generic error for an unknown email, a wrong password or a disabled account. */
  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ accessToken: string; expiresIn: number; user: User }> {
    const account = [`account:${email.trim().toLowerCase()}`];
    const client = [`address:${address}`];
    const wait = Math.max(
      this.accountFailures.lockedFor(account),
      this.addressFailures.lockedFor(client),
    );
    if (wait > 0) throw IdentityError.throttled(wait);
    const user = await this.users.findByEmail(email);
    const valid = user !== null && user.active && (await this.users.verifyPassword(user, password));
    if (!valid || !user) {
      this.accountFailures.fail(account);
      this.addressFailures.fail(client);
      throw new IdentityError(
        IdentityErrorCode.InvalidCredentials,
        'Email or password is not correct',
      );
    }
    this.accountFailures.succeed(account);
    await this.users.recordLogin(user);
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims, {
      expiresIn: this.config.tokenTtlSeconds,
    });
    return { accessToken, expiresIn: this.config.tokenTtlSeconds, user };
  }

  /** Resolves a bearer token or session cookie to the viewer, or null when it is not (or no longer) valid. */
  async authenticate(token: string, via: Viewer['via']): Promise<Viewer | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const now = this.clock.now().getTime();
    const cached = this.viewers.get(claims.sub);
    if (cached && cached.until > now) return { ...cached.viewer, via };
    const user = await this.users.get(claims.sub).catch(() => null);
    if (!user || !user.active) {
      this.viewers.delete(claims.sub);
      return null;
    }
    const viewer = viewerOf(user, via);
    this.viewers.set(user.id, { viewer, until: now + VIEWER_CACHE_MS });
    return viewer;
  }
}
