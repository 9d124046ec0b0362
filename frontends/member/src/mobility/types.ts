import type { roster } from '@tongxin/api-client';

/** The member's page as the server answers it (`mobility.mine`). */
export type MyMobility = Awaited<ReturnType<typeof roster.mobility.mine.query>>;
export type MobilityRequest = MyMobility['requests'][number];
export type OutflowInput = Omit<Parameters<typeof roster.mobility.fileOutflow.mutate>[0], 'idempotencyKey'>;
export type ReturnInput = Omit<Parameters<typeof roster.mobility.fileReturn.mutate>[0], 'idempotencyKey'>;

/** Where to, as the member reads it: province and city. */
export const placeOf = (at: { destinationProvince: string | null; destinationCity: string | null }) =>
  [at.destinationProvince, at.destinationCity].filter(Boolean).join(' ');
