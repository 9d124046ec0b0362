import { format } from '@tongxin/i18n';

/** A moment as the member reads it: date and time in their language. */
export const when = (iso: string | Date) => format(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
export const day = (iso: string | Date) => format(new Date(iso), { dateStyle: 'medium' });
