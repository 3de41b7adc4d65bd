import type { EventStoreMigration } from './event-store-migration.js';

/**
 * `es_append`, one round trip per append. Readers only see transactions older than every running
 * one (read-all-query.ts), which is safe only if positions rise with transaction ids. So an append
 * gets its transaction id (its first write) and its positions under one global lock, released
 * before COMMIT so that commits still group.
 *
 * Everything that may wait happens before that lock: appends to one stream queue on a lock of
 * their own until the previous one commits, so a slow transaction on one stream never stalls
 * appends to the others. Under that stream lock the revision read, the expected-revision check
 * and the retry check see every earlier append to the stream, so no row lock or retry is needed.
 */
export const v2AppendQueuesPerStream: EventStoreMigration = {
  version: 2,
  name: 'append queues per stream',
  sql: `
    CREATE OR REPLACE FUNCTION es_append(
      p_stream_id text,
      p_expected text,
      p_ids uuid[],
      p_types text[],
      p_data jsonb[],
      p_metadata jsonb[]
    ) RETURNS TABLE (o_id uuid, o_revision bigint, o_position bigint, o_recorded_at timestamptz)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_current bigint;
    BEGIN
      -- A transaction id taken before the global lock could be older than positions already handed out.
      IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'es_append must be the first write of its transaction' USING ERRCODE = 'ES003';
      END IF;
      PERFORM pg_advisory_xact_lock(7263512, hashtext(p_stream_id));
      -- A retry of an append already stored: the caller answers with what was stored.
      IF EXISTS (SELECT 1 FROM es_events WHERE id = ANY(p_ids)) THEN
        RAISE EXCEPTION 'events already appended' USING ERRCODE = 'ES002';
      END IF;
      SELECT coalesce(max(revision), -1) INTO v_current FROM es_streams WHERE stream_id = p_stream_id;
      IF NOT (p_expected = 'any'
              OR (p_expected = 'no_stream' AND v_current < 0)
              OR (p_expected = 'exists' AND v_current >= 0)
              OR p_expected = v_current::text) THEN
        RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ES001', DETAIL = v_current::text;
      END IF;

      PERFORM pg_advisory_lock(7263511);
      INSERT INTO es_streams (stream_id, revision) VALUES (p_stream_id, v_current + cardinality(p_ids))
        ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision;
      RETURN QUERY
        INSERT INTO es_events (id, stream_id, revision, type, data, metadata)
        SELECT e.id, p_stream_id, v_current + e.n, e.type, e.data, e.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(id, type, data, metadata, n)
        ORDER BY e.n
        RETURNING id, revision, position, recorded_at;
      PERFORM pg_advisory_unlock(7263511);
    END
    $fn$;
  `,
};
