/**
 * The links a share card carries (issue 18): each opens that exact page of the member's view
 * on the phone; the shell sends a logged-out reader through `/login?next=…` and back. Built
 * on the page's own origin, so a county's own address is what people receive.
 */
export function memberPageLink(page: 'tasks' | 'meetings' | 'checkin', params: Record<string, string>, origin = window.location.origin): string {
  return `${origin}/member?${new URLSearchParams({ page, ...params }).toString()}`;
}

/** A task of a county: `?page=tasks&task=<tenant>/<id>` (a member checked in elsewhere sees other counties' tasks too). */
export const taskLink = (tenantId: string, taskId: string, origin?: string) => memberPageLink('tasks', { task: `${tenantId}/${taskId}` }, origin);

export const meetingLink = (meetingId: string, origin?: string) => memberPageLink('meetings', { meeting: meetingId }, origin);

/** A destination's check-in page, the same link its check-in QR code carries (the secretary's checkin-qr.tsx). */
export const checkinLink = (tenantId: string, orgId: string, origin?: string) => memberPageLink('checkin', { tenant: tenantId, org: orgId }, origin);
