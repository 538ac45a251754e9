import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An Ed25519 key the service signs Open Badges 3.0 credentials with. Keys are never deleted, so
 * every credential ever signed stays verifiable; the oldest key the service can unseal signs.
 */
@Entity('issuer_keys')
export class IssuerKey {
  // The public key in multibase ("z6Mk…"): also the fragment of its verificationMethod URL.
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  // The 32-byte private seed, sealed with AES-256-GCM under a key derived from AUTH_SECRET
  // (base64url of iv ‖ tag ‖ ciphertext): a copy of the database alone cannot sign.
  @Column({ name: 'sealed_seed', type: 'varchar', length: 120 })
  sealedSeed!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
