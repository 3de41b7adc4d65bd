import { isAcceptableCorrelationId, newCorrelationId } from './correlation-id.js';

describe('correlation ids made here', () => {
  // One plain UUID v7 in about 130 holds 11 digits in a row; 2,000 draws meet one almost surely.
  it('are always ones this service would keep (never 11 digits in a row)', () => {
    const made = Array.from({ length: 2000 }, newCorrelationId);
    expect(made.filter((id) => !isAcceptableCorrelationId(id))).toEqual([]);
    expect(new Set(made).size).toBe(made.length);
  });

  it('refuses a UUID whose last group is 12 digits, the kind a plain UUID v7 sometimes is', () => {
    expect(isAcceptableCorrelationId('01a228a9-27da-729d-ba6f-776935908758')).toBe(false);
  });
});
