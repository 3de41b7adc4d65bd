/** The answer of the access log route, for the OpenAPI document. */
export const ACCESS_LOG_SCHEMA = {
  type: 'object',
  required: ['entries', 'next'],
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'at', 'navIdent', 'roles', 'officeNumber', 'method', 'route', 'allowed', 'reason', 'correlationId'],
        properties: {
          id: { type: 'integer', description: 'rising; pages follow it' },
          at: { type: 'string', format: 'date-time' },
          navIdent: { type: 'string', nullable: true, description: 'null when no valid token was given (401)' },
          roles: { type: 'array', items: { type: 'string' } },
          officeNumber: { type: 'string', nullable: true, description: 'the office in the route, if any' },
          method: { type: 'string', example: 'GET' },
          route: { type: 'string', example: '/api/v1/offices/:officeNumber/history', description: 'the route pattern, never the path' },
          allowed: { type: 'boolean' },
          reason: { type: 'string', example: 'not a member of office 0314' },
          correlationId: { type: 'string', nullable: true, description: 'X-Correlation-Id of the request, when given' },
        },
      },
    },
    next: { type: 'integer', nullable: true, description: 'pass as `after` for the next page; null at the end' },
  },
};
