/**
 * When a view is read: live from its table (waiting for `minPosition` when given), or replayed
 * in memory as of a moment, `asOf` (an ISO-8601 time, against `recordedAt`) or `asOfPosition`.
 */
export type ViewTime = { minPosition?: number } | { asOf: string } | { asOfPosition: number };

/** What a replayed answer carries besides its figures; a live answer carries neither. */
export interface AsOfMarks {
  /**
   * The moment the view is shown at, and the "now" of every figure that depends on it (follow-up
   * gaps, the default period, "not contacted for 90 days"): the asked `asOf`, or with `asOfPosition`
   * the `recordedAt` of the last event at or before it (null if there is none).
   */
  asOf: string | null;
  /** The last global position the replay covers: the one asked for, or with `asOf` the last event included (0: none). */
  asOfPosition: number;
  /** Only when some were: events a view could not apply, left out as the live view parks them. */
  parkedEvents?: { view: string; position: number }[];
}

export const isReplay = (time: ViewTime): time is { asOf: string } | { asOfPosition: number } => 'asOf' in time || 'asOfPosition' in time;
