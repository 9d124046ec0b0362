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

/**
 * A destination's check-in page, the link of its check-in QR code and of its invitation card
 * (the secretary's checkins/). The member's page asks the directory for the org by its id, so
 * a printed code outlives a rename; `place` (city, name) is only for reading, and the city
 * starts the member's search when the org is gone.
 */
export function checkinLink(tenantId: string, orgId: string, place: { city?: string | null; name?: string } = {}, origin?: string): string {
  const params: Record<string, string> = { tenant: tenantId, org: orgId };
  if (place.city) params.city = place.city;
  if (place.name) params.name = place.name;
  return memberPageLink('checkin', params, origin);
}
