import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  privateKeyFromSeed,
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
  createdAt: Date;
}

/**
 * The issuer's Ed25519 keys, kept in the database so every instance signs with the same key and
 * every credential ever signed stays verifiable. The first signature makes the first key; the
 * oldest key that unseals with this AUTH_SECRET signs (after a secret change a new key is made and
 * the old public keys keep verifying what they signed).
 */
@Injectable()
export class IssuerKeysService {
  private readonly logger = new Logger(IssuerKeysService.name);
  private current: Promise<CurrentKey> | null = null;

  constructor(
    @InjectRepository(IssuerKey) private readonly keys: Repository<IssuerKey>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The Open Badges 3.0 issuer profile: the controller of every key. */
  get controller(): string {
    return badgeUrls(this.config.publicUrl, '', '').profile;
  }

  signingKey(): Promise<CurrentKey> {
    this.current ??= this.loadOrCreate().catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** The public key behind one of this issuer's verificationMethod URLs, else null. */
  async publicKey(verificationMethod: string): Promise<KeyObject | null> {
    const prefix = `${this.controller}#`;
    if (!verificationMethod.startsWith(prefix)) return null;
    const id = verificationMethod.slice(prefix.length);
    if (!(await this.keys.existsBy({ id }))) return null;
    return publicKeyFromMultibase(id);
  }

  async verificationMethods(): Promise<VerificationMethod[]> {
    return (await this.oldestFirst()).map((row) => this.method(row.id));
  }

  private oldestFirst(): Promise<IssuerKey[]> {
    return this.keys.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private method(id: string): VerificationMethod {
    const controller = this.controller;
    return { id: `${controller}#${id}`, type: 'Multikey', controller, publicKeyMultibase: id };
  }

  private async loadOrCreate(): Promise<CurrentKey> {
    const existing = await this.oldestUnsealable();
    if (existing) return existing;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const id = publicKeyMultibase(publicKey);
    await this.keys.insert({
      id,
      sealedSeed: seal(this.config.authSecret, id, seedOf(privateKey)),
      createdAt: this.clock.now(),
    });
    this.logger.log(`Made the Open Badges signing key ${id}`);
    // Another instance may have made one at the same moment: every instance takes the oldest.
    return (await this.oldestUnsealable())!;
  }

  private async oldestUnsealable(): Promise<CurrentKey | null> {
    for (const row of await this.oldestFirst()) {
      const seed = unseal(this.config.authSecret, row.id, row.sealedSeed);
      if (seed)
        return {
          verificationMethod: this.method(row.id).id,
          privateKey: privateKeyFromSeed(seed),
          createdAt: row.createdAt,
        };
      this.logger.warn(`The signing key ${row.id} does not unseal with this AUTH_SECRET`);
    }
    return null;
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
