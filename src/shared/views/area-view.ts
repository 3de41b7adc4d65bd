import type { Type } from '@nestjs/common';
import type { ViewDefinition } from '@app/projections';

/**
 * A view as its area lists it: the definition (projection, migrations, ranges) and the Nest
 * module of its routes and query handlers. One line of an area's `*.views.ts` per view.
 */
export interface AreaView {
  definition: ViewDefinition;
  module: Type<unknown>;
}
