/** Where a reviewer's or the member's browser fetches an evidence photo (evidence-routes.ts). */
export const evidenceUrl = (photoId: string) => `/api/tasks/evidence/${photoId}`;
