import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { reminderSettings } from '../schema.ts';

/** Whether the user gets non-official reminders (issue 17): on unless they turned them off. */
export async function readReminders(tx: Tx, userId: string): Promise<{ reminders: boolean }> {
  const [row] = await tx.select({ reminders: reminderSettings.reminders }).from(reminderSettings).where(sql`${reminderSettings.userId} = ${userId}`);
  return { reminders: row?.reminders ?? true };
}

/** Turns the user's own non-official reminders on or off; a repeat changes nothing. Official notices are not theirs to turn off. */
export async function setReminders(tx: Tx, tenantId: string, userId: string, reminders: boolean, now: Date): Promise<{ reminders: boolean }> {
  await tx
    .insert(reminderSettings)
    .values({ tenantId, userId, reminders, updatedAt: now })
    .onConflictDoUpdate({ target: [reminderSettings.tenantId, reminderSettings.userId], set: { reminders, updatedAt: now } });
  return { reminders };
}

/** SQL: the reminders of the user in `userColumn` are not turned off (for the escalation job). */
export const remindersOn = (tenantColumn: ReturnType<typeof sql.raw>, userColumn: ReturnType<typeof sql.raw>) => sql`not exists (
  select 1 from reporting.reminder_settings s where s.tenant_id = ${tenantColumn} and s.user_id = ${userColumn} and not s.reminders)`;
