import { docsOf, type DocsForThread } from '../shared/views/docs-for-thread.js';
import { compareOffices, type ComparedDocs, type OfficeFigures } from './office-comparison.js';

/**
 * One offices answer's comparison as it crosses to a worker thread: plain data, so a list of offices
 * rather than a predicate, and each range's docs as one JSON text when read live, parsed here.
 */
export interface ComparisonTask {
  docs: { [Range in keyof ComparedDocs]: DocsForThread };
  period: { from: string; to: string };
  now: string;
  /** undefined: every office (national role). */
  visibleOffices: readonly string[] | undefined;
}

export function compareTask({ docs, period, now, visibleOffices }: ComparisonTask): Promise<OfficeFigures[]> {
  const visible = visibleOffices ? new Set(visibleOffices) : undefined;
  const parsed: ComparedDocs = {
    engagement: docsOf(docs.engagement),
    outcomes: docsOf(docs.outcomes),
    openCases: docsOf(docs.openCases),
    quietOnCutoffDay: docsOf(docs.quietOnCutoffDay),
    inquiries: docsOf(docs.inquiries),
  };
  return compareOffices(parsed, period, now, (office) => !visible || visible.has(office));
}

/** The comparison thread's entry (`OfficeComparer`): piscina calls the module's default export with each task. */
export default compareTask;
