/** The answer of the history route, for the OpenAPI document. */
export const OFFICE_HISTORY_SCHEMA = {
  type: 'object',
  required: ['officeNumber', 'events', 'next'],
  properties: {
    officeNumber: { type: 'string', example: '0314' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['position', 'streamId', 'revision', 'type', 'data', 'metadata', 'recordedAt'],
        properties: {
          position: { type: 'integer', description: 'global position; pages follow it' },
          streamId: { type: 'string', example: 'office-0314.employer-974760673' },
          revision: { type: 'integer' },
          type: { type: 'string', example: 'EmployerContacted' },
          data: { type: 'object', description: 'in the shape of the current schema version of its type' },
          metadata: {
            type: 'object',
            required: ['actor', 'commandId', 'correlationId', 'causationId', 'schemaVersion'],
            properties: {
              actor: { type: 'string', example: 'Z123456' },
              commandId: { type: 'string' },
              correlationId: { type: 'string' },
              causationId: { type: 'string' },
              schemaVersion: { type: 'integer', description: 'the version `data` is shown in: always the current one' },
              storedSchemaVersion: { type: 'integer', description: 'only when the stored event is older and was upcast on read' },
            },
          },
          recordedAt: { type: 'string', format: 'date-time', description: 'when the store committed the event (millisecond precision)' },
        },
      },
    },
    next: { type: 'integer', nullable: true, description: 'pass as `after` for the next page; null at the end' },
  },
};
