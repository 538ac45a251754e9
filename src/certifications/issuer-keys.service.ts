import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { IssuerKeyView } from './certificate-views';
import { CertificationError, CertificationErrorCode } from './certification-error';
import {
  privateKeyFromSeed,
  ProofFailure,
  publicKeyFromMultibase,
  publicKeyMultibase,
  seedOf,
  SigningKey,
  VerificationMethod,
} from './credential-proof';
import { IssuerKey } from './issuer-key.entity';
import { badgeUrls } from './open-badges';

/** The signing key with the time it was made (a proof is never dated before its key). */
export interface CurrentKey extends SigningKey {
  id: string;
  createdAt: Date;
}

const newestFirst = { createdAt: 'DESC', id: 'DESC' } as const;
const STATE_ORDER = { active: 0, retired: 1, revoked: 2 } as const;

/**
 * The issuer's Ed25519 keys, kept in the database so every instance signs with the same key and
 * every credential signed with a key that was not revoked stays verifiable. The newest key that
 * is neither retired nor revoked, and that this AUTH_SECRET unseals, signs; when there is none, a
 * key is made. An admin rotates (a new key signs; the old ones keep verifying what they signed)
 * or revokes a key that may have leaked (what it signed no longer verifies; holders download a
 * freshly signed copy). The signing key is looked up on every use, one query on a tiny table,
 * so a rotation on one instance reaches the others at once; unsealed keys are cached by id.
 */
@Injectable()
export class IssuerKeysService {
  private readonly logger = new Logger(IssuerKeysService.name);
  private readonly unsealed = new Map<string, CurrentKey | null>();
  private making: Promise<CurrentKey> | null = null;

  constructor(
    @InjectRepository(IssuerKey) private readonly keys: Repository<IssuerKey>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The Open Badges 3.0 issuer profile: the controller of every key. */
  get controller(): string {
    return badgeUrls(this.config.publicUrl, '', '').profile;
  }

  async signingKey(): Promise<CurrentKey> {
    const active = await this.keys.find({
      where: { retiredAt: IsNull(), revokedAt: IsNull() },
      order: newestFirst,
    });
    for (const row of active) {
      const key = this.unseal(row);
      if (key) return key;
    }
    // One key per instance at a time; another instance may make one at the same moment, and
    // then both sign with the newer of the two (the other stays published and unused).
    this.making ??= this.makeKey().finally(() => (this.making = null));
    return this.making;
  }

  /** The public key behind one of this issuer's verificationMethod URLs, else null. */
  async publicKey(verificationMethod: string): Promise<KeyObject | null> {
    const prefix = `${this.controller}#`;
    if (!verificationMethod.startsWith(prefix)) return null;
    const row = await this.keys.findOneBy({ id: verificationMethod.slice(prefix.length) });
    if (!row) return null;
    if (row.revokedAt)
      throw new ProofFailure(
        `The signing key was withdrawn by the issuer on ${row.revokedAt.toISOString().slice(0, 10)}: ` +
          'ask the holder for a freshly signed copy of the credential',
      );
    return publicKeyFromMultibase(row.id);
  }

  /** Every key that still verifies (all but the revoked ones), oldest first. */
  async verificationMethods(): Promise<VerificationMethod[]> {
    const rows = await this.keys.find({
      where: { revokedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => this.method(row.id));
  }

  /** Every key, active ones first, then retired, then revoked, each newest first. */
  async list(): Promise<IssuerKeyView[]> {
    const signing = await this.signingKey();
    const rows = await this.keys.find({ order: newestFirst });
    const views = rows.map((row): IssuerKeyView => ({
      id: row.id,
      verificationMethod: this.method(row.id).id,
      state: row.revokedAt ? 'revoked' : row.retiredAt ? 'retired' : 'active',
      createdAt: row.createdAt.toISOString(),
      retiredAt: row.retiredAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revocationReason: row.revocationReason,
      signing: row.id === signing.id,
      unsealable: this.unseal(row) !== null,
    }));
    // A stable sort: keys made in the same millisecond keep their id order.
    return views.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
  }

  /** Makes a new signing key and retires every other active one, audited. */
  async rotate(viewer: Viewer): Promise<IssuerKeyView[]> {
    await runTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const id = await this.insertKey(manager, now);
      const retired = await this.retireAllBut(manager, id, now);
      await this.audit.record(
        viewer,
        {
          action: 'issuer-key.rotated',
          targetType: 'issuer-key',
          targetId: id,
          summary: { retired },
        },
        manager,
      );
    });
    return this.list();
  }

  /**
   * Withdraws a key, audited: proofs made with it fail verification from now on. When it was the
   * key that signed, a new one is made in the same transaction.
   */
  async revoke(viewer: Viewer, id: string, reason: string): Promise<IssuerKeyView[]> {
    await runTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOneBy(IssuerKey, { id });
      if (!row)
        throw new CertificationError(
          CertificationErrorCode.IssuerKeyNotFound,
          'There is no signing key with this id',
        );
      if (row.revokedAt)
        throw new CertificationError(
          CertificationErrorCode.AlreadyRevoked,
          'This signing key is already revoked',
        );
      const now = this.clock.now();
      await manager.update(
        IssuerKey,
        { id },
        { revokedAt: now, retiredAt: row.retiredAt ?? now, revocationReason: reason },
      );
      const stillActive = await manager.countBy(IssuerKey, {
        retiredAt: IsNull(),
        revokedAt: IsNull(),
      });
      const replacement = stillActive === 0 ? await this.insertKey(manager, now) : null;
      await this.audit.record(
        viewer,
        {
          action: 'issuer-key.revoked',
          targetType: 'issuer-key',
          targetId: id,
          summary: { reason, wasSigning: row.retiredAt === null, replacement },
        },
        manager,
      );
    });
    return this.list();
  }

  private method(id: string): VerificationMethod {
    const controller = this.controller;
    return { id: `${controller}#${id}`, type: 'Multikey', controller, publicKeyMultibase: id };
  }

  private async makeKey(): Promise<CurrentKey> {
    const id = await this.insertKey(this.keys.manager, this.clock.now());
    this.logger.log(`Made the Open Badges signing key ${id}`);
    return this.signingKey();
  }

  private async insertKey(manager: EntityManager, createdAt: Date): Promise<string> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const id = publicKeyMultibase(publicKey);
    await manager.insert(IssuerKey, {
      id,
      sealedSeed: seal(this.config.authSecret, id, seedOf(privateKey)),
      createdAt,
      retiredAt: null,
      revokedAt: null,
      revocationReason: null,
    });
    return id;
  }

  private async retireAllBut(manager: EntityManager, id: string, now: Date): Promise<string[]> {
    const others = await manager.find(IssuerKey, {
      select: ['id'],
      where: { retiredAt: IsNull(), revokedAt: IsNull(), id: Not(id) },
    });
    if (others.length > 0)
      await manager.update(IssuerKey, { id: In(others.map((row) => row.id)) }, { retiredAt: now });
    return others.map((row) => row.id);
  }

  /** The row's private key when this AUTH_SECRET opens it, else null (warned about once). */
  private unseal(row: IssuerKey): CurrentKey | null {
    if (this.unsealed.has(row.id)) return this.unsealed.get(row.id)!;
    const seed = unseal(this.config.authSecret, row.id, row.sealedSeed);
    if (!seed) this.logger.warn(`The signing key ${row.id} does not unseal with this AUTH_SECRET`);
    const key = seed
      ? {
          id: row.id,
          verificationMethod: this.method(row.id).id,
          privateKey: privateKeyFromSeed(seed),
          createdAt: row.createdAt,
        }
      : null;
    this.unsealed.set(row.id, key);
    return key;
  }
}

// AES-256-GCM under a key derived from AUTH_SECRET; the key id is authenticated with the seed, so
// a sealed seed copied onto another row does not open.
function sealingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'agent-academy', 'issuer-key-seal', 32));
}

function seal(secret: string, id: string, seed: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv).setAAD(Buffer.from(id));
  const sealed = Buffer.concat([cipher.update(seed), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function unseal(secret: string, id: string, value: string): Buffer | null {
  const bytes = Buffer.from(value, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), bytes.subarray(0, 12))
      .setAAD(Buffer.from(id))
      .setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}
