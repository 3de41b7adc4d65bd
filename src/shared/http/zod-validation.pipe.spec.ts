import { z } from 'zod';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import { violationsOf, ZodValidationPipe } from './zod-validation.pipe.js';

const PERSON_ID = '13097248022';

const enrolment = z.strictObject({
  personId: z.string().regex(/^\d{11}$/, 'must be an 11-digit fødselsnummer'),
  followUpMode: z.enum(['IN_HOUSE', 'EXTERNAL']),
  positions: z.number().int().min(1),
  offices: z.array(z.string().length(4)).min(1),
  provider: z.strictObject({ orgNumber: z.string() }).optional(),
});

const violationsFor = (body: unknown) => {
  try {
    new ZodValidationPipe(enrolment).transform(body);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.violations;
    throw error;
  }
  throw new Error('the body was accepted');
};

describe('body validation with zod', () => {
  const valid = { personId: PERSON_ID, followUpMode: 'EXTERNAL', positions: 2, offices: ['0314'] };

  it('passes a valid body on as parsed', () => {
    expect(new ZodValidationPipe(enrolment).transform(valid)).toEqual(valid);
  });

  it('lists every violation with its path', () => {
    expect(violationsFor({ personId: 'x', followUpMode: 'SOMETIMES', positions: 0.5, offices: ['031'] })).toEqual([
      { path: 'personId', message: 'must be an 11-digit fødselsnummer' },
      { path: 'followUpMode', message: 'must be one of IN_HOUSE, EXTERNAL' },
      { path: 'positions', message: expect.any(String) },
      { path: 'offices.0', message: expect.any(String) },
    ]);
  });

  it('refuses NUL and lone surrogates in any string, values and keys, with the path of each (issue 12)', () => {
    const body = { ...valid, personId: 'a\u0000b', offices: ['03\uD8001'], provider: { orgNumber: '\uDC00x' }, ['k\u0000']: 1 };
    const found = violationsFor(body);
    expect(new Set(found.map((v) => v.path)).size).toBe(found.length);
    expect(found).toEqual(expect.arrayContaining([
      { path: '(key)', message: 'must not contain NUL or lone surrogates' },
      { path: 'offices.0', message: 'must not contain NUL or lone surrogates' },
      { path: 'personId', message: 'must not contain NUL or lone surrogates' },
      { path: 'provider.orgNumber', message: 'must not contain NUL or lone surrogates' },
    ]));
    // A well-formed pair (an emoji) is text like any other.
    expect(() => new ZodValidationPipe(z.strictObject({ note: z.string() })).transform({ note: 'ok \uD83D\uDE00' })).not.toThrow();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(violationsFor({ ...valid, deep }).map((v) => v.message)).toEqual(['must not contain NUL or lone surrogates', 'is not a known field']);
  });

  it('does not repeat an unknown name that could hold a personal id number', () => {
    expect(violationsFor({ ...valid, [PERSON_ID]: 'x', colour: 1 })).toEqual([
      { path: '(unknown)', message: 'is not a known field' },
      { path: 'colour', message: 'is not a known field' },
    ]);
  });

  it('names each unknown field, nested ones by their full path', () => {
    expect(violationsFor({ ...valid, colour: 'blue', size: 3, provider: { orgNumber: '974760673', name: 'x' } })).toEqual([
      { path: 'provider.name', message: 'is not a known field' },
      { path: 'colour', message: 'is not a known field' },
      { path: 'size', message: 'is not a known field' },
    ]);
  });

  it('says a missing field is required, and treats a missing body as an empty one', () => {
    expect(violationsFor(undefined).map((v) => v.message)).toEqual(['is required', 'is required', 'is required', 'is required']);
  });

  it('refuses a body that is not an object at the root', () => {
    expect(violationsFor([1, 2])).toEqual([{ path: '(body)', message: 'must be object' }]);
  });

  it('never repeats the refused value in a message', () => {
    const refused = [
      { ...valid, personId: Number(PERSON_ID) },
      { ...valid, personId: `${PERSON_ID}0` },
      { ...valid, followUpMode: PERSON_ID },
      { ...valid, positions: PERSON_ID },
      { ...valid, offices: [PERSON_ID] },
    ];
    for (const body of refused) expect(JSON.stringify(violationsFor(body))).not.toContain(PERSON_ID);
  });

  it('keeps the messages of refinements, which name the rule and not the value', () => {
    const schema = z.strictObject({ note: z.string().refine((s) => !/\d{11}/.test(s), 'must not hold an 11-digit number') });
    const result = schema.safeParse({ note: `gjelder ${PERSON_ID}` });
    expect(result.success).toBe(false);
    expect(violationsOf(result.error!)).toEqual([{ path: 'note', message: 'must not hold an 11-digit number' }]);
  });
});

describe('the code of a 400', () => {
  const timed = z.strictObject({
    at: z.string().refine((v) => v < '2030', { message: 'too late', params: { code: 'AT.TOO_LATE' } }),
    n: z.number().optional(),
  });
  const codeOf = (body: unknown) => {
    try {
      new ZodValidationPipe(timed).transform(body);
    } catch (error) {
      return (error as ValidationFailed).code;
    }
    throw new Error('the body was accepted');
  };

  it('is the rule\'s own code when its refinement is the only problem, else VALIDATION.FAILED', () => {
    expect(codeOf({ at: '2031' })).toBe('AT.TOO_LATE');
    expect(codeOf({ at: '2031', n: 'x' })).toBe('VALIDATION.FAILED');
    expect(codeOf({ at: 5 })).toBe('VALIDATION.FAILED');
    expect(codeOf({ at: '2031\u0000' })).toBe('VALIDATION.FAILED');
  });
});
