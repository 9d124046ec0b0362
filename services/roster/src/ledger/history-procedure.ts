import { actingProcedure } from '@tongxin/trpc';
import { z } from 'zod';
import { DomainError } from '@tongxin/errors';

export const ZHistoryInput = z.object({ memberId: z.uuid().optional() }).optional();

/**
 * `ledger.history` serves two callers: a member reading their own history (no memberId) and
 * staff reading a member in their scope (memberId). The permission follows the input.
 */
export const historyProcedure = actingProcedure('member', 'secretary', 'department')
  .input(ZHistoryInput)
  .use(({ ctx, input, next }) => {
    const { caller } = ctx;
    if (input?.memberId && !caller.department && caller.orgIds.length === 0) {
      throw new DomainError('role_required', { message: "Another member's history needs the secretary or department role" });
    }
    if (!input?.memberId && !caller.member) throw new DomainError('role_required', { message: 'Without a memberId this needs the member role' });
    return next();
  });
