import { chinaDate } from '@tongxin/calendar';
import { ZAwayReason, ZPastDate, ZPhone } from '@tongxin/ledger';
import { ZIdempotencyKey } from '@tongxin/trpc';
import { z } from 'zod';
import { ZReportTimeAwayInput } from '../certificates/certificates-router.ts';

/** 外出登记 is filed before leaving (brief): the day may be up to this many days ahead. */
export const LEAVING_DAYS_AHEAD = 30;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const ZLeavingDate = z.iso
  .date('a date as YYYY-MM-DD')
  .refine((d) => d <= chinaDate(new Date(Date.now() + LEAVING_DAYS_AHEAD * 86_400_000)), {
    message: `at most ${LEAVING_DAYS_AHEAD} days ahead`,
    params: { code: 'too_far_ahead', values: { days: LEAVING_DAYS_AHEAD } },
  });

/** A member's own 外出登记: what the registration takes (the coded reason required) and how to reach them. */
export const ZFileOutflowInput = z.object({
  leftOn: ZLeavingDate,
  destinationProvince: text(20).optional(),
  destinationCity: text(40),
  reasonCode: ZAwayReason,
  reason: text(200).optional(),
  expectedMonths: z.number().int().min(1).max(120),
  contactPhone: ZPhone,
  idempotencyKey: ZIdempotencyKey,
});
export type FileOutflowInput = z.infer<typeof ZFileOutflowInput>;

/** A member's own 返乡登记: the day back and the report on the time away, the certificate's own fields (enter once). */
export const ZFileReturnInput = ZReportTimeAwayInput.omit({ certificateId: true }).extend({
  returnedOn: ZPastDate,
  idempotencyKey: ZIdempotencyKey,
});
export type FileReturnInput = z.infer<typeof ZFileReturnInput>;

export const ZWithdrawMobilityRequestInput = z.object({ requestId: z.uuid() });

/** Confirming runs the registration; refusing needs words the member will read. */
export const ZDecideMobilityRequestInput = z
  .object({ requestId: z.uuid(), decision: z.enum(['confirm', 'refuse']), reason: text(200).optional() })
  .refine((input) => input.decision !== 'refuse' || input.reason !== undefined, {
    path: ['reason'],
    message: 'say why it is refused',
    params: { code: 'reason_required' },
  });
export type DecideMobilityRequestInput = z.infer<typeof ZDecideMobilityRequestInput>;

export const ZMobilityRequestsInput = z.object({ status: z.enum(['pending', 'confirmed', 'refused', 'withdrawn']).optional() });
