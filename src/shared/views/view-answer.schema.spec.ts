import { count, monthKey, rate } from './view-answer.schema.js';

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
});
