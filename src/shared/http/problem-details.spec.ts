import { requestSchemaOf } from '../open-api/api-schemas.js';
import { problem } from './problem-details.js';
import { z } from 'zod';

describe('problem details', () => {
  it('derives a stable type URN from the code', () => {
    expect(problem(409, 'CASE.ALREADY_CLOSED', 'The case is closed')).toEqual({
      type: 'urn:problem:case.already_closed',
      title: 'Conflict with the current state',
      status: 409,
      detail: 'The case is closed',
      code: 'CASE.ALREADY_CLOSED',
    });
  });

  it('carries violations only when there are some', () => {
    expect(problem(400, 'VALIDATION.FAILED', '1 problem', [{ path: 'orgNumber', message: 'must be 9 digits' }]).errors).toEqual([
      { path: 'orgNumber', message: 'must be 9 digits' },
    ]);
    expect(problem(400, 'VALIDATION.FAILED', 'no problem', [])).not.toHaveProperty('errors');
  });
});

describe('zod bodies in the OpenAPI document', () => {
  it('turns a strict schema into a JSON Schema 2020-12 (OpenAPI 3.1) schema that forbids unknown fields', () => {
    const schema = z.strictObject({ positions: z.number().int().gt(0), closedAt: z.string().nullable(), note: z.string().optional() });
    expect(requestSchemaOf(schema)).toEqual({
      type: 'object',
      properties: {
        positions: { type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        closedAt: { type: ['string', 'null'] },
        note: { type: 'string' },
      },
      required: ['positions', 'closedAt'],
      additionalProperties: false,
    });
  });
});
