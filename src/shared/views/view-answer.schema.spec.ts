import { count, instant, monthKey, officeNumber, orgNumber, rate } from './view-answer.schema.js';

/** The answer schemas are the OpenAPI document's word on what a view answers (docs/api.md). */
describe('the figures a view answer carries', () => {
  it('counts in whole numbers, never below 0', () => {
    expect(count().safeParse(0).success).toBe(true);
    expect(count().safeParse(108).success).toBe(true);
    expect(count().safeParse(-1).success).toBe(false);
    expect(count().safeParse(1.5).success).toBe(false);
  });

  it('gives shares from 0 up, with decimals', () => {
    expect(rate().safeParse(0).success).toBe(true);
    expect(rate().safeParse(0.641).success).toBe(true);
    expect(rate().safeParse(-0.001).success).toBe(false);
  });

  it('keys months as YYYY-MM and nothing around them', () => {
    expect(monthKey().safeParse('2026-03').success).toBe(true);
    expect(monthKey().safeParse('2026-12').success).toBe(true);
    for (const bad of ['2026-00', '2026-13', '2026-3', '26-03', 'x2026-03', '2026-03x', '2026-031']) {
      expect(monthKey().safeParse(bad).success).toBe(false);
    }
  });

  it('gives instants in ISO 8601 with an offset, office numbers of four digits and organisation numbers of nine', () => {
    expect(instant().safeParse('2026-03-01T12:00:00+01:00').success).toBe(true);
    expect(instant().safeParse('2026-03-01T11:00:00.000Z').success).toBe(true);
    expect(instant().safeParse('2026-03-01').success).toBe(false);
    expect(officeNumber().safeParse('0314').success).toBe(true);
    for (const bad of ['314', '03140', 'x0314']) expect(officeNumber().safeParse(bad).success).toBe(false);
    expect(orgNumber().safeParse('974760673').success).toBe(true);
    for (const bad of ['97476067', '9747606731', 'x974760673']) expect(orgNumber().safeParse(bad).success).toBe(false);
  });
});
