import { CHINA_TIME_ZONE } from '@tongxin/calendar';
import { format } from '@tongxin/i18n';

// Deadlines and meeting times are set in Beijing time by the branch (the secretary's forms
// say 北京时间), so a member reads them in Beijing time too, wherever the phone's clock is.

/** A moment as the member reads it: date and time in their language. */
export const when = (iso: string | Date) => format(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: CHINA_TIME_ZONE });
export const day = (iso: string | Date) => format(new Date(iso), { dateStyle: 'medium', timeZone: CHINA_TIME_ZONE });
