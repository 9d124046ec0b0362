/**
 * Where a secretary sits decides which pages are theirs: a link shown to anyone else leads
 * to a dead end (a branch secretary has no check-ins to decide and no flow roster).
 */
export type Seat = 'department' | 'township' | 'branch' | 'flow';

const SEAT_OF_KIND: Record<string, Seat> = {
  department: 'department',
  county: 'township',
  township: 'township',
  street: 'township',
  branch: 'branch',
  general_branch: 'branch',
  mobile_branch: 'branch',
  flow_general: 'flow',
  flow_branch: 'flow',
};

/** The seats of a caller from their role grants and the kinds of the orgs they hold. */
export function seatsOf(
  roles: readonly { role: string; orgId?: string | null }[],
  orgs: readonly { id: string; kind: string }[],
): Set<Seat> {
  const seats = new Set<Seat>();
  if (roles.some((grant) => grant.role === 'department')) seats.add('department');
  const held = new Set(roles.flatMap((grant) => (grant.role === 'secretary' && grant.orgId ? [grant.orgId] : [])));
  for (const org of orgs) {
    const seat = held.has(org.id) ? SEAT_OF_KIND[org.kind] : undefined;
    if (seat) seats.add(seat);
  }
  return seats;
}
