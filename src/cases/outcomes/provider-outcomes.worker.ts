import { docsOf, type DocsForThread } from '../../shared/views/docs-for-thread.js';
import { providerOutcomes, type ProviderOutcomes } from './outcomes.answer.js';
import type { ProviderCohort } from './outcomes.rows.js';

/** One providers answer as it crosses to a worker thread: the period's provider-month rows, one JSON text when read live. */
export interface ProvidersTask {
  rows: DocsForThread<ProviderCohort>;
}

export const providersTask = async ({ rows }: ProvidersTask): Promise<ProviderOutcomes> => providerOutcomes(docsOf(rows).values());

/** The providers thread's entry (`ProviderOutcomesThread`): piscina calls the module's default export with each task. */
export default providersTask;
