import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a command sent with an `Idempotency-Key`, kept so a retry gets it again. */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecord {
  /** The caller's NAV-ident and key: keys are only unique per caller. */
  @PrimaryColumn({ name: 'scope', type: 'text' })
  scope!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  key!: string;

  /** SHA-256 of the route and body; another body under the same key is refused (422). */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'response', type: 'jsonb' })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
