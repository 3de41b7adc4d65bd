import { UpcasterRegistry, type Upcaster } from '@app/event-store';
import { caseProfileV1ToV2 } from '../cases/case.upcasters.js';
import { employerContactedV1ToV2, employerContactedV2ToV3 } from '../employers/employer.upcasters.js';
import { CURRENT_SCHEMA_VERSIONS, schemaVersionOf } from '../shared/commands/schema-versions.js';

/** Every step from an old event version to the next, whichever area of the domain owns the event. */
const UPCASTERS: readonly Upcaster[] = [employerContactedV1ToV2, employerContactedV2ToV3, ...caseProfileV1ToV2];

/** The app's registry, checked complete at start: a version bump without its upcaster stops the app. */
export function eventUpcasters(): UpcasterRegistry {
  const registry = new UpcasterRegistry(schemaVersionOf, UPCASTERS);
  registry.assertComplete(Object.keys(CURRENT_SCHEMA_VERSIONS));
  return registry;
}
