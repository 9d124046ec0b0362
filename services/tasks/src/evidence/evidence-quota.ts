/**
 * How much one member may upload in any 24 hours (issue 13 G: nothing bounded it). A
 * completion carries at most 6 photos of about 1 MB once the phone has resized them, so
 * 20 photos and 20 MB leave room for several completions a day and their retries, while a
 * member's unattached uploads (removed after a day) stay bounded.
 */
export const EVIDENCE_QUOTA = { photos: 20, bytes: 20 * 1024 * 1024, windowMs: 24 * 60 * 60_000 } as const;

/** Which part of the quota an upload would exceed. */
export type QuotaExceeded = 'photos_per_day' | 'bytes_per_day';
