import type { EventStoreMigration } from './event-store-migration.js';

/**
 * `es_append_many`: several appends, each to its own stream with its own expected revision, in
 * ONE transaction and one round trip (append-groups.ts sends the appends that arrive while a
 * call is in flight). With 32 writers, one append per transaction meant 32 backends handing the
 * global lock to each other on two cores; a group takes it once, and commits once.
 *
 * Each append keeps the rules of `es_append` (v4):
 * - Its stream's lock (`pg_advisory_xact_lock(7263512, hashtext(stream))`) is taken before its
 *   revision is read. The group only tries it, and never waits: an append whose stream another
 *   transaction holds is answered 'stream-busy' (nothing of it stored) and the caller sends it
 *   alone through `es_append`, which waits. So one slow transaction never holds up a group, and
 *   no two transactions wait on each other in a cycle.
 * - A wrong expected revision rejects that append alone: it is answered in the result (with the
 *   stream's revision, or as stored already when its ids are: a retry), and the others go on.
 *   Two appends of one stream in a group are checked in their order, the second against the first.
 * - Transaction id and every position of the group are taken under the global lock, which is then
 *   released before any row is written, so positions still rise with transaction ids (VISIBLE).
 * - An id already stored that passed the check (expected 'any', or ids of another stream) fails
 *   the insert on es_events_id_key and with it the whole group; the caller then sends each append
 *   of the group on its own through `es_append`, which answers exactly as it always did.
 *
 * With `p_notify` the group's commit also wakes listeners (`pg_notify` is delivered on COMMIT),
 * saving the separate NOTIFY round trip of append-notifications.ts.
 *
 * One result row per append, in no particular order: (o_append, its 1-based place in the arrays;
 * o_status 'appended', 'wrong-revision', 'already-appended' or 'stream-busy'; o_revision, the
 * stream's revision before it, its events having o_revision + 1, + 2, …, or NULL when busy;
 * o_positions, its events' positions when appended; o_recorded_at, the transaction's now()).
 * One row per append, not per event: a 100-event append answers one row, not a hundred.
 */
export const v5GroupCommit: EventStoreMigration = {
  version: 5,
  name: 'group commit',
  sql: `
    CREATE FUNCTION es_append_many(
      p_streams text[],
      p_expected text[],
      p_counts int[],
      p_ids uuid[],
      p_types text[],
      p_data jsonb[],
      p_metadata jsonb[],
      p_notify boolean
    ) RETURNS TABLE (o_append int, o_status text, o_revision bigint, o_positions bigint[], o_recorded_at timestamptz)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_appends int := cardinality(p_streams);
      v_hash int;
      v_busy int[] := '{}';  -- hashes of stream locks another transaction holds
      v_revisions jsonb;
      v_current bigint;
      v_first int := 1;        -- the append's first event in the flat event arrays
      v_stored boolean;
      v_accepted boolean[] := '{}';
      v_base bigint[] := '{}'; -- the stream's revision before the append
      v_first_slot int[] := '{}';  -- the append's first place among the group's stored events
      v_event_append int[] := '{}';
      v_event_revision bigint[] := '{}';
      v_event_slot int[] := '{}';
      v_total int := 0;
      v_positions bigint[];
    BEGIN
      IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'es_append_many must be the first write of its transaction' USING ERRCODE = 'ES003';
      END IF;
      FOR v_hash IN SELECT DISTINCT hashtext(s) FROM unnest(p_streams) AS s ORDER BY 1 LOOP
        IF NOT pg_try_advisory_xact_lock(7263512, v_hash) THEN
          v_busy := v_busy || v_hash;
        END IF;
      END LOOP;
      -- Planned afresh each time (once per group): a plan cached while es_streams was small is a
      -- sequential scan, the trap v4 describes for es_events.
      EXECUTE 'SELECT coalesce(jsonb_object_agg(stream_id, revision), ''{}'') FROM es_streams WHERE stream_id = ANY($1)'
        INTO v_revisions USING p_streams;

      FOR i IN 1 .. v_appends LOOP
        v_current := coalesce((v_revisions ->> p_streams[i])::bigint, -1);
        v_accepted[i] := false;
        IF hashtext(p_streams[i]) = ANY(v_busy) THEN
          o_append := i;
          o_status := 'stream-busy';
          o_revision := NULL;
          RETURN NEXT;
        ELSIF p_expected[i] = 'any'
           OR (p_expected[i] = 'no_stream' AND v_current < 0)
           OR (p_expected[i] = 'exists' AND v_current >= 0)
           OR p_expected[i] = v_current::text THEN
          v_accepted[i] := true;
          v_base[i] := v_current;
          v_revisions := v_revisions || jsonb_build_object(p_streams[i], v_current + p_counts[i]);
          v_first_slot[i] := v_total + 1;
          FOR n IN 1 .. p_counts[i] LOOP
            v_event_append[v_first + n - 1] := i;
            v_event_revision[v_first + n - 1] := v_current + n;
            v_event_slot[v_first + n - 1] := v_total + n;
          END LOOP;
          v_total := v_total + p_counts[i];
        ELSE
          -- As in es_append: a retry of a stored append is told so; planned afresh each time.
          EXECUTE 'SELECT EXISTS (SELECT 1 FROM es_events WHERE id = ANY($1))' INTO v_stored
            USING p_ids[v_first : v_first + p_counts[i] - 1];
          o_append := i;
          o_status := CASE WHEN v_stored THEN 'already-appended' ELSE 'wrong-revision' END;
          o_revision := v_current;
          RETURN NEXT;
        END IF;
        v_first := v_first + p_counts[i];
      END LOOP;
      IF v_total = 0 THEN
        RETURN;
      END IF;

      -- Nothing here can fail, so the session lock is always given back (append-call.ts unlocks too).
      PERFORM pg_advisory_lock(7263511);
      PERFORM pg_current_xact_id();
      SELECT array_agg(p ORDER BY p) INTO v_positions
        FROM (SELECT nextval('es_events_position_seq') AS p FROM generate_series(1, v_total)) AS s;
      PERFORM pg_advisory_unlock(7263511);

      -- One row per stream, its revision after the group's last append to it.
      INSERT INTO es_streams (stream_id, revision)
        SELECT p_streams[i], max(v_base[i] + p_counts[i]) FROM generate_series(1, v_appends) AS i
        WHERE v_accepted[i] GROUP BY p_streams[i] ORDER BY 1
        ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision;
      -- Positions in the order of the arrays: appends in turn, each append's events in order.
      INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata)
        SELECT v_positions[v_event_slot[e.k]], e.id, p_streams[v_event_append[e.k]], v_event_revision[e.k], e.type, e.data, e.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(id, type, data, metadata, k)
        WHERE v_event_slot[e.k] IS NOT NULL;
      RETURN QUERY
        SELECT i, 'appended', v_base[i], v_positions[v_first_slot[i] : v_first_slot[i] + p_counts[i] - 1], now()
        FROM generate_series(1, v_appends) AS i
        WHERE v_accepted[i]
        ORDER BY i;
      IF p_notify THEN
        PERFORM pg_notify('es_appended', '');
      END IF;
    END
    $fn$;
  `,
};
