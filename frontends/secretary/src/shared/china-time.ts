import { CHINA_TIME_ZONE } from '@tongxin/calendar';
import { format } from '@tongxin/i18n';

/** An instant as date and time in China time: meetings are scheduled in it, so they read in it. */
export function formatChinaTime(value: string | Date): string {
  return format(new Date(value), { dateStyle: 'medium', timeStyle: 'short', timeZone: CHINA_TIME_ZONE });
}
