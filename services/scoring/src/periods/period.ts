import { z } from 'zod';

// Months, quarters and years are China calendar ones (@tongxin/calendar). Ledger entries
// carry their month as `YYYY-MM`, so a period is a range of months.

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

const periodShape = {
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
};

/** A month, a quarter or a whole year, with more fields when a procedure needs them. */
export function withPeriod<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...periodShape, ...shape })
    .refine((p) => (p as { month?: number }).month === undefined || (p as { quarter?: number }).quarter === undefined, { message: 'a month or a quarter, not both', path: ['quarter'] });
}

export const ZPeriod = withPeriod({});
export type Period = z.infer<typeof ZPeriod>;

/** The months a period spans, first and last, as `YYYY-MM` (they compare as text). */
export function periodMonths(period: Period): { from: string; to: string } {
  const mm = (m: number) => `${period.year}-${String(m).padStart(2, '0')}`;
  if (period.month !== undefined) return { from: mm(period.month), to: mm(period.month) };
  if (period.quarter !== undefined) return { from: mm(period.quarter * 3 - 2), to: mm(period.quarter * 3) };
  return { from: mm(1), to: mm(12) };
}
