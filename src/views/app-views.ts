import type { ViewDefinition } from '@app/projections';
import { CASES_VIEWS } from '../cases/cases.views.js';
import { EMPLOYERS_VIEWS } from '../employers/employers.views.js';

/** Every view the app keeps, as its areas export them: the engine runs their projections, migrations make their tables. */
export const APP_VIEWS: readonly ViewDefinition[] = [...EMPLOYERS_VIEWS, ...CASES_VIEWS].map((view) => view.definition);

export const APP_PROJECTIONS = APP_VIEWS.map((view) => view.projection);
