import { compareOffices, type ComparedDocs, type OfficeFigures } from './office-comparison.js';

/** One offices answer's comparison as it crosses to a worker thread: plain data, so a list of offices rather than a predicate. */
export interface ComparisonTask {
  docs: ComparedDocs;
  period: { from: string; to: string };
  now: string;
  /** undefined: every office (national role). */
  visibleOffices: readonly string[] | undefined;
}

export function compareTask({ docs, period, now, visibleOffices }: ComparisonTask): Promise<OfficeFigures[]> {
  const visible = visibleOffices ? new Set(visibleOffices) : undefined;
  return compareOffices(docs, period, now, (office) => !visible || visible.has(office));
}

/** The comparison thread's entry (`OfficeComparer`): piscina calls the module's default export with each task. */
export default compareTask;
