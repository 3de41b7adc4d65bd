import type { EventStoreMigration } from './event-store-migration.js';

/**
 * `es_append` with the global section cut down to what needs it. The VISIBLE rule
 * (read-all-query.ts) is safe when positions rise with transaction ids; that is a property of
 * when a transaction gets its id and its positions, not of when it writes its rows. So under the
 * global lock an append now only takes its transaction id (`pg_current_xact_id()` assigns it)
 * and its positions from the sequence, and writes its stream row and events after the unlock,
 * with those positions, in parallel with other appends. In version 2 the inserts and their index
 * work ran under the lock: with 32 writers on two cores, a holder descheduled mid-insert stalled
 * every append.
 *
 * Version 2 looked for the event ids before every append with `EXISTS (… id = ANY(p_ids))`.
 * PL/pgSQL caches that statement's plan per connection: planned while es_events was small, it
 * was a sequential scan, kept as the table grew (300 appends of 100 events on a fresh store:
 * 305 sequential scans, 4.4M rows read, no index scan; until autovacuum analyses the table).
 * Now the happy path does not look: es_events_id_key refuses a stored id on insert anyway. Only
 * an append whose expected revision fails looks, so that a retry is told "already appended"
 * rather than "wrong revision", and it plans that look afresh each time.
 *
 * The answer is built from the input, not from `RETURNING`: the positions and revisions are the
 * ones just given out, and `recorded_at` is the transaction's `now()`, as its default stores.
 */
export const v4GlobalSectionPositionsOnly: EventStoreMigration = {
  version: 4,
  name: 'global section takes positions only',
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
      v_positions bigint[];
      v_stored boolean;
    BEGIN
      -- A transaction id taken before the global lock could be older than positions already handed out.
      IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'es_append must be the first write of its transaction' USING ERRCODE = 'ES003';
      END IF;
      PERFORM pg_advisory_xact_lock(7263512, hashtext(p_stream_id));
      SELECT coalesce(max(revision), -1) INTO v_current FROM es_streams WHERE stream_id = p_stream_id;
      IF NOT (p_expected = 'any'
              OR (p_expected = 'no_stream' AND v_current < 0)
              OR (p_expected = 'exists' AND v_current >= 0)
              OR p_expected = v_current::text) THEN
        -- A retry of an append already stored answers what was stored, not a wrong revision.
        -- EXECUTE plans it afresh each time: see the comment above.
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM es_events WHERE id = ANY($1))' INTO v_stored USING p_ids;
        IF v_stored THEN
          RAISE EXCEPTION 'events already appended' USING ERRCODE = 'ES002';
        END IF;
        RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ES001', DETAIL = v_current::text;
      END IF;

      -- Nothing here can fail, so the session lock is always given back (append-call.ts unlocks too).
      PERFORM pg_advisory_lock(7263511);
      PERFORM pg_current_xact_id();
      SELECT array_agg(p ORDER BY p) INTO v_positions
        FROM (SELECT nextval('es_events_position_seq') AS p FROM generate_series(1, cardinality(p_ids))) AS s;
      PERFORM pg_advisory_unlock(7263511);

      INSERT INTO es_streams (stream_id, revision) VALUES (p_stream_id, v_current + cardinality(p_ids))
        ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision;
      -- A retry that passed the check above (expected 'any', or events of another stream) fails
      -- here on es_events_id_key, rolling back the stream row: append-call.ts answers what was stored.
      INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata)
        SELECT v_positions[e.n], e.id, p_stream_id, v_current + e.n, e.type, e.data, e.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(id, type, data, metadata, n);
      RETURN QUERY
        SELECT e.id, v_current + e.n, v_positions[e.n], now()
        FROM unnest(p_ids) WITH ORDINALITY AS e(id, n)
        ORDER BY e.n;
    END
    $fn$;
  `,
};
