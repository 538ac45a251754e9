import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An Ed25519 key the service signs Open Badges 3.0 credentials with. Keys are never deleted: a
 * retired key stops signing but keeps verifying what it signed; a revoked one (it may have leaked)
 * verifies nothing any more. The newest key that is neither and that this AUTH_SECRET unseals signs.
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

  // When a newer key took over signing (a rotation, or this key's revocation).
  @Column({ name: 'retired_at', type: Date, nullable: true })
  retiredAt!: Date | null;

  // When the key was withdrawn: proofs made with it no longer verify.
  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 400, nullable: true })
  revocationReason!: string | null;
}
