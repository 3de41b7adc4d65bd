import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What an erasure removed. */
export interface Erasure {
  subjectId: string;
  erasedAt: string;
}

/**
 * The link from a client's keyed pseudonym (clientRef) to the random subject id their events carry.
 * Events never hold the pseudonym (since schema v2 of the case events), so deleting the link makes
 * every event of the client unlinkable without rewriting the log.
 */
@Injectable()
export class SubjectDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The client's subject, made on first sight; a client erased before gets a new one. */
  async subjectFor(clientRef: string): Promise<string> {
    const made = randomUUID();
    const rows = (await this.dataSource.query(
      `INSERT INTO client_subjects (client_ref, subject_id) VALUES ($1, $2)
       ON CONFLICT (client_ref) DO UPDATE SET client_ref = EXCLUDED.client_ref RETURNING subject_id`,
      [clientRef, made],
    )) as { subject_id: string }[];
    return rows[0]!.subject_id;
  }

  /** The pseudonyms of those subjects still linked; an erased subject is missing from the answer. */
  async clientRefsOf(subjectIds: readonly string[]): Promise<Map<string, string>> {
    if (subjectIds.length === 0) return new Map();
    const rows = (await this.dataSource.query('SELECT subject_id, client_ref FROM client_subjects WHERE subject_id = ANY($1)', [
      [...new Set(subjectIds)],
    ])) as { subject_id: string; client_ref: string }[];
    return new Map(rows.map((r) => [r.subject_id, r.client_ref]));
  }

  /** Deletes the link and records the erasure by subject id alone; undefined when nobody has that pseudonym. */
  async erase(clientRef: string, reason: string, now: string, byRetention = false): Promise<Erasure | undefined> {
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query('DELETE FROM client_subjects WHERE client_ref = $1 RETURNING subject_id', [clientRef])) as [
        { subject_id: string }[],
        number,
      ];
      const subjectId = rows[0]?.[0]?.subject_id;
      if (!subjectId) return undefined;
      await tx.query(
        'INSERT INTO client_erasures (subject_id, erased_at, reason, by_retention) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [subjectId, now, reason, byRetention],
      );
      return { subjectId, erasedAt: now };
    });
  }

  /** Erases by subject id (retention; or after a restore, from the recorded erasures): true if a link was there. */
  async eraseSubject(subjectId: string, reason: string, now: string, byRetention = false): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const [deleted] = (await tx.query('DELETE FROM client_subjects WHERE subject_id = $1 RETURNING subject_id', [subjectId])) as [
        unknown[],
        number,
      ];
      await tx.query(
        'INSERT INTO client_erasures (subject_id, erased_at, reason, by_retention) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [subjectId, now, reason, byRetention],
      );
      return deleted.length > 0;
    });
  }

  /** Applies every recorded erasure again: after a restore from a backup older than some of them. */
  async reapplyErasures(): Promise<number> {
    const [deleted] = (await this.dataSource.query(
      'DELETE FROM client_subjects s USING client_erasures e WHERE s.subject_id = e.subject_id RETURNING s.subject_id',
    )) as [unknown[], number];
    return deleted.length;
  }

  /** Whether a one-off fill has run; `markFilled` records it. */
  async filled(name: string): Promise<boolean> {
    return ((await this.dataSource.query('SELECT 1 FROM client_subject_fills WHERE name = $1', [name])) as unknown[]).length > 0;
  }

  async markFilled(name: string): Promise<void> {
    await this.dataSource.query('INSERT INTO client_subject_fills (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
  }

  /** Links legacy subjects (whose subject id is their pseudonym) unless they were erased. */
  async linkLegacy(clientRefs: readonly string[]): Promise<void> {
    if (clientRefs.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO client_subjects (client_ref, subject_id)
       SELECT ref, ref FROM unnest($1::text[]) AS ref WHERE NOT EXISTS (SELECT 1 FROM client_erasures e WHERE e.subject_id = ref)
       ON CONFLICT DO NOTHING`,
      [[...new Set(clientRefs)]],
    );
  }
}
