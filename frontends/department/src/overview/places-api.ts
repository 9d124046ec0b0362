import { roster } from '@tongxin/api-client';

// 三找 (where the county's mobile members are, who employs them, which party organization is
// there): roster's `rollups.places`, read from the rollups.

/** Where mobile members are: a destination city, with who employs them and who is there to join. */
export type Destination = Awaited<ReturnType<typeof roster.rollups.places.query>>[number];
/** A flow organization at a destination: ours (this county's) or another county's. */
export type PlaceFlowOrg = Destination['flowOrgs'][number];

export interface PlacesAnswer {
  month: string;
  destinations: Destination[];
}

/** The mobile members of an org's subtree (or the county) by destination, for a month. */
export async function loadPlaces(input: { month: string; orgId?: string }): Promise<PlacesAnswer> {
  return { month: input.month, destinations: await roster.rollups.places.query(input) };
}
