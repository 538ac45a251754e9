import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { LoginAttempts } from './login-attempts';
import { User } from './user.entity';
import { CredentialsService } from './credentials.service';
import { UsersService } from './users.service';
import { Viewer, viewerOf } from './viewer';

interface TokenClaims {
  sub: string;
  /** The user's session version when the token was issued (absent in tokens from before it). */
  sv?: number;
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
  private readonly helpRequests: LoginAttempts;
  private readonly viewers = new Map<
    string,
    { viewer: Omit<Viewer, 'via'>; sessionVersion: number; until: number }
  >();

  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
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
    // Every request counts: the form must not be a way to flood the people who reset passwords.
    this.helpRequests = new LoginAttempts(
      clock,
      config.loginMaxFailures,
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
    assertNotLocked([this.accountFailures, account], [this.addressFailures, client]);
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
    return { ...(await this.issue(user)), user };
  }

  /**
   * The person changes their own password, proving the current one (wrong guesses count
   * towards the same lockout as sign-ins). Every other session of theirs ends; the answer is a
   * fresh token for the one they are using.
   */
  async changePassword(
    viewer: Viewer,
    change: { currentPassword: string; newPassword: string },
    address: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const account = [`account:${viewer.email}`];
    const client = [`address:${address}`];
    assertNotLocked([this.accountFailures, account], [this.addressFailures, client]);
    const user = await this.users.get(viewer.id);
    if (!(await this.users.verifyPassword(user, change.currentPassword))) {
      this.accountFailures.fail(account);
      this.addressFailures.fail(client);
      throw new IdentityError(
        IdentityErrorCode.CurrentPasswordWrong,
        'The current password is not correct',
        [{ path: 'currentPassword', messages: ['currentPassword is not your current password'] }],
      );
    }
    this.accountFailures.succeed(account);
    return this.issue(await this.credentials.setOwnPassword(viewer, user, change.newPassword));
  }

  /**
   * Someone who cannot sign in asks for a new password. The answer never says whether the
   * address has an account; too many requests from one address are 429.
   */
  async requestPasswordHelp(email: string, address: string): Promise<void> {
    const client = [`help:${address}`];
    assertNotLocked([this.helpRequests, client]);
    this.helpRequests.fail(client);
    await this.credentials.requestPasswordHelp(email);
  }

  /** Ends every session of the person (other browsers, API tokens); a fresh token for this one. */
  async signOutEverywhere(viewer: Viewer): Promise<{ accessToken: string; expiresIn: number }> {
    return this.issue(await this.credentials.signOutEverywhere(viewer));
  }

  private async issue(user: User): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: TokenClaims = { sub: user.id, sv: user.sessionVersion };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.tokenTtlSeconds,
    });
    return { accessToken, expiresIn: this.config.tokenTtlSeconds };
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
    if (cached && cached.until > now)
      return cached.sessionVersion === (claims.sv ?? 0) ? { ...cached.viewer, via } : null;
    const user = await this.users.get(claims.sub).catch(() => null);
    if (!user || !user.active) {
      this.viewers.delete(claims.sub);
      return null;
    }
    const viewer = viewerOf(user, via);
    this.viewers.set(user.id, {
      viewer,
      sessionVersion: user.sessionVersion,
      until: now + VIEWER_CACHE_MS,
    });
    return user.sessionVersion === (claims.sv ?? 0) ? viewer : null;
  }
}

// 429 with the longest wait when any of the keys is locked out by its counter.
function assertNotLocked(...checks: [LoginAttempts, string[]][]): void {
  const wait = Math.max(...checks.map(([attempts, keys]) => attempts.lockedFor(keys)));
  if (wait > 0) throw IdentityError.throttled(wait);
}
