import type { roster } from '@tongxin/api-client';

export type RequestStatus = 'pending' | 'confirmed' | 'refused' | 'withdrawn';
export type QueuedRequest = Awaited<ReturnType<typeof roster.mobility.requests.query>>['rows'][number];
