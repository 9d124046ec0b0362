/**
 * Kept for modules that imported the roster's own staff procedure before @tongxin/trpc
 * offered it: the one definition now lives there (same ctx: orgIds, staffRole).
 */
export { staffProcedure } from '@tongxin/trpc';
