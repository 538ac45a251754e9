import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A certificate's place in the Bitstring Status Lists: given the first time its Open Badges 3.0
 * credential is signed, at random inside the list being filled, and never changed or reused.
 */
@Entity('credential_status_entries')
export class CredentialStatusEntry {
  @PrimaryColumn({ name: 'certificate_id', type: 'varchar', length: 36 })
  certificateId!: string;

  // Global position: list = ⌊position / LIST_SIZE⌋ + 1, index = position mod LIST_SIZE.
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
