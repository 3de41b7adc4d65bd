import { Body, Controller, ForbiddenException, Get, type INestApplication, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { z } from 'zod';
import { WrongExpectedRevision } from '@app/event-store';
import { DomainError, type DomainErrorKind } from '../errors/domain-error.js';
import { ApiZodBody } from './api-body.decorator.js';
import { IdempotencyKeyReused } from '../errors/idempotency-key-reused.error.js';
import { RevisionMismatch } from '../errors/revision-mismatch.error.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const PERSON_ID = '13097248022';

const probeBody = z.strictObject({
  orgNumber: z.string().regex(/^\d{9}$/, 'must be 9 digits'),
  positions: z.number().int().min(1),
  personId: z
    .string()
    .regex(/^\d{11}$/, 'must be an 11-digit fødselsnummer')
    .optional(),
});

class ProbeRefused extends DomainError {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    path?: string,
  ) {
    super(`refused as ${kind}`, path);
  }
}

@Controller('probe')
class ProbeController {
  @Post('body')
  @ApiZodBody(probeBody)
  accept(@Body(new ZodValidationPipe(probeBody)) body: z.infer<typeof probeBody>) {
    return { positions: body.positions };
  }

  @Get('domain/:kind')
  refuse(@Param('kind') kind: DomainErrorKind) {
    throw new ProbeRefused(kind, 'PROBE.REFUSED', kind === 'invalid' ? 'positions' : undefined);
  }

  @Post('revision')
  revision() {
    throw new RevisionMismatch('office-0314.case-1', 3, 4);
  }

  @Post('idempotency')
  idempotency() {
    throw new IdempotencyKeyReused('key-1');
  }

  @Post('concurrent')
  concurrent() {
    throw new WrongExpectedRevision('office-0314.case-1', 3, 5);
  }

  @Get('forbidden')
  forbidden() {
    throw new ForbiddenException('not a member of office 0314');
  }

  @Get('crash')
  crash() {
    throw new Error('connect ECONNREFUSED postgres://secret@db:5432');
  }
}

describe('problem+json answers', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    app = module.createNestApplication({ logger: false });
    app.setGlobalPrefix('api/v1');
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
  });
  afterAll(async () => {
    await app.close();
  });
  const http = () => request(app.getHttpServer());

  const expectProblem = (response: request.Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({
        type: `urn:problem:${code.toLowerCase()}`,
        title: expect.any(String),
        status,
        detail: expect.any(String),
        code,
      }),
    );
  };

  it('passes a valid body through the pipe', async () => {
    const response = await http().post('/api/v1/probe/body').send({ orgNumber: '974760673', positions: 2 }).expect(201);
    expect(response.body).toEqual({ positions: 2 });
  });

  it('lists every violation together, an unknown field among them (400)', async () => {
    const response = await http().post('/api/v1/probe/body').send({ orgNumber: '12', positions: 0, colour: 'blue' });
    expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'orgNumber', message: 'must be 9 digits' },
        { path: 'positions', message: expect.any(String) },
        { path: 'colour', message: 'is not a known field' },
      ]),
    );
    expect(response.body.errors).toHaveLength(3);
  });

  it('names a missing field as required', async () => {
    const response = await http().post('/api/v1/probe/body').send({ orgNumber: '974760673' });
    expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(response.body.errors).toEqual([{ path: 'positions', message: 'is required' }]);
  });

  it('never echoes a refused personal id number', async () => {
    const wrongType = await http()
      .post('/api/v1/probe/body')
      .send({ orgNumber: '974760673', positions: 1, personId: Number(PERSON_ID) });
    const wrongForm = await http()
      .post('/api/v1/probe/body')
      .send({ orgNumber: '974760673', positions: 1, personId: `${PERSON_ID}x` });
    const asUnknownField = await http()
      .post('/api/v1/probe/body')
      .send({ orgNumber: '974760673', positions: 1, [PERSON_ID]: PERSON_ID });
    for (const response of [wrongType, wrongForm, asUnknownField]) expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(wrongType.body.errors).toEqual([{ path: 'personId', message: 'must be string' }]);
    expect(wrongForm.body.errors).toEqual([{ path: 'personId', message: 'must be an 11-digit fødselsnummer' }]);
    expect(JSON.stringify([wrongType.body, wrongForm.body])).not.toContain(PERSON_ID);
    // An unknown field is named by its key: a caller who puts the number in a key sees their own key back.
    expect(asUnknownField.body.errors).toEqual([{ path: expect.any(String), message: 'is not a known field' }]);
  });

  it.each([`{"personId": ${PERSON_ID}x}`, `{"personId": x${PERSON_ID}}`, `{"personId": "${PERSON_ID}"`])(
    'answers a body that is not JSON with 400, without quoting it: %s',
    async (malformed) => {
      const response = await http().post('/api/v1/probe/body').set('content-type', 'application/json').send(malformed);
      expectProblem(response, 400, 'REQUEST.MALFORMED');
      expect(response.body.detail).toBe('The body is not valid JSON');
      expect(JSON.stringify(response.body)).not.toContain(PERSON_ID);
    },
  );

  it.each([
    ['invalid', 400],
    ['not_found', 404],
    ['conflict', 409],
  ] as const)('maps a domain error of kind %s to %d with its code', async (kind, status) => {
    const response = await http().get(`/api/v1/probe/domain/${kind}`);
    expectProblem(response, status, 'PROBE.REFUSED');
    expect(response.body.detail).toBe(`refused as ${kind}`);
    if (kind === 'invalid') expect(response.body.errors).toEqual([{ path: 'positions', message: 'refused as invalid' }]);
    else expect(response.body).not.toHaveProperty('errors');
  });

  it('maps an If-Match revision mismatch to 412', async () => {
    expectProblem(await http().post('/api/v1/probe/revision').set('if-match', '"3"'), 412, 'REVISION.MISMATCH');
  });

  it('maps a reused Idempotency-Key to 422', async () => {
    expectProblem(await http().post('/api/v1/probe/idempotency').set('idempotency-key', 'key-1'), 422, 'IDEMPOTENCY_KEY.REUSED');
  });

  it('maps a concurrent write to 412 when the caller sent If-Match, else 409', async () => {
    expectProblem(await http().post('/api/v1/probe/concurrent').set('if-match', '"3"'), 412, 'REVISION.MISMATCH');
    expectProblem(await http().post('/api/v1/probe/concurrent'), 409, 'STREAM.CONCURRENT_WRITE');
  });

  it('answers an unknown route with 404 and a 403 from Nest with its code', async () => {
    const unknown = await http().get('/api/v1/nowhere');
    expectProblem(unknown, 404, 'ROUTE.NOT_FOUND');
    const forbidden = await http().get('/api/v1/probe/forbidden');
    expectProblem(forbidden, 403, 'AUTH.FORBIDDEN');
    expect(forbidden.body.detail).toBe('not a member of office 0314');
  });

  it('shows the zod body in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const body = document.paths['/api/v1/probe/body']?.post?.requestBody as { content: Record<string, { schema: unknown }> };
    expect(body.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: ['orgNumber', 'positions'],
      additionalProperties: false,
      properties: { orgNumber: { type: 'string', pattern: '^\\d{9}$' }, positions: { type: 'integer', minimum: 1 } },
    });
  });

  it('answers anything else with 500 and leaks nothing of it', async () => {
    const response = await http().get('/api/v1/probe/crash');
    expectProblem(response, 500, 'INTERNAL');
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|secret|postgres/);
    expect(response.body).not.toHaveProperty('stack');
  });
});
