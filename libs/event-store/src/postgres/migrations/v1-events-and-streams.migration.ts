import type { EventStoreMigration } from './event-store-migration.js';

/** As first released; version 2 replaces its `es_append`. Never edit an applied migration. */
export const v1EventsAndStreams: EventStoreMigration = {
  version: 1,
  name: 'events and streams',
  sql: `
    CREATE TABLE es_streams (
      stream_id text COLLATE "C" PRIMARY KEY,
      revision bigint NOT NULL
    );

    CREATE SEQUENCE es_events_position_seq;

    CREATE TABLE es_events (
      position bigint PRIMARY KEY DEFAULT nextval('es_events_position_seq'),
      -- Readers only see events of transactions older than every running one (see README).
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      id uuid NOT NULL UNIQUE,
      stream_id text COLLATE "C" NOT NULL,
      -- 'office-0314' of 'office-0314.case-…': an office's events in order are an index range.
      stream_category text COLLATE "C" NOT NULL GENERATED ALWAYS AS (split_part(stream_id, '.', 1)) STORED,
      revision bigint NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, revision)
    );
    ALTER SEQUENCE es_events_position_seq OWNED BY es_events.position;

    CREATE INDEX es_events_category_position ON es_events (stream_category, position);
    CREATE INDEX es_events_type_position ON es_events (type, position);

    -- One round trip per append. The session advisory lock makes the order in which
    -- transactions get their id the order in which they get positions, so "transaction id
    -- older than every running one" never lets a reader pass a position that can still
    -- commit. It is released before COMMIT, so commits (and their fsyncs) still group.
    CREATE FUNCTION es_append(
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
      v_count int := cardinality(p_ids);
    BEGIN
      PERFORM pg_advisory_lock(7263511);
      -- A retry of an append already stored: the caller answers with what was stored.
      IF EXISTS (SELECT 1 FROM es_events WHERE id = ANY(p_ids)) THEN
        PERFORM pg_advisory_unlock(7263511);
        RAISE EXCEPTION 'events already appended' USING ERRCODE = 'ES002';
      END IF;
      INSERT INTO es_streams (stream_id, revision) VALUES (p_stream_id, -1) ON CONFLICT DO NOTHING;
      SELECT revision INTO v_current FROM es_streams WHERE stream_id = p_stream_id FOR UPDATE;
      IF NOT (p_expected = 'any'
              OR (p_expected = 'no_stream' AND v_current < 0)
              OR (p_expected = 'exists' AND v_current >= 0)
              OR p_expected = v_current::text) THEN
        PERFORM pg_advisory_unlock(7263511);
        RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ES001', DETAIL = v_current::text;
      END IF;
      UPDATE es_streams SET revision = v_current + v_count WHERE stream_id = p_stream_id;
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
