import type { Tx } from '@tongxin/db';
import { eq } from 'drizzle-orm';
import { settings } from '../schema.ts';

export interface EscalationSettings {
  reminderDay: number;
  contactTaskDay: number;
  lostContactMonths: number;
}

/**
 * Defaults when a county set nothing: a reminder on the 5th, a contact task on the 10th (the
 * first days of a month are when members report), lost contact proposed after 3 missed
 * months — well inside the 6 months without contact that define 失联, so the secretary has
 * time to search before the rule applies.
 */
export const DEFAULT_ESCALATION: EscalationSettings = { reminderDay: 5, contactTaskDay: 10, lostContactMonths: 3 };

export async function readEscalationSettings(tx: Tx, tenantId: string): Promise<EscalationSettings & { updatedAt: Date | null }> {
  const [row] = await tx
    .select({ reminderDay: settings.reminderDay, contactTaskDay: settings.contactTaskDay, lostContactMonths: settings.lostContactMonths, updatedAt: settings.updatedAt })
    .from(settings)
    .where(eq(settings.tenantId, tenantId));
  return row ?? { ...DEFAULT_ESCALATION, updatedAt: null };
}

export async function updateEscalationSettings(tx: Tx, tenantId: string, by: string, input: EscalationSettings, now: Date) {
  const values = { ...input, updatedBy: by, updatedAt: now };
  await tx.insert(settings).values({ tenantId, ...values }).onConflictDoUpdate({ target: [settings.tenantId], set: values });
  return readEscalationSettings(tx, tenantId);
}
