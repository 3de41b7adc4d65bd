import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** `?from=YYYY-MM&to=YYYY-MM` (default: the last 12 months) and `?minPosition=N`. */
export const periodParams = {
  from: month.optional(),
  to: month.optional(),
  minPosition: z.coerce.number().int().min(0).optional(),
};

export const minPositionParam = { minPosition: periodParams.minPosition };

/** The period asked for, defaulting to the 12 months up to the current one. */
export function periodOf(params: { from?: string; to?: string }, now: string): { from: string; to: string } {
  const to = params.to ?? now.slice(0, 7);
  if (params.from) return { from: params.from, to };
  const [year, m] = to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, m - 12, 1)).toISOString().slice(0, 7);
  return { from: start, to };
}

export const checkPeriod = <T extends { from?: string; to?: string }>(schema: z.ZodType<T>) =>
  schema.refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'from must not be after to', path: ['from'] });
