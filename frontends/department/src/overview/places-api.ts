import { roster } from '@tongxin/api-client';

// 三找 (where the county's mobile members are, who employs them, which party organization is
// there): roster's `rollups.places`. It is written beside this view (issue 15) and is not on
// this branch yet, so its answer is typed here; once it is, this file's one change is
// `export type PlacesAnswer = Awaited<ReturnType<typeof roster.rollups.places.query>>;`
// and the call below without its cast.

/** A flow organization at a destination: ours (this county's) or another county's. */
export interface PlaceFlowOrg {
  id: string;
  name: string;
  ours: boolean;
  /** The other county's name, for one that is not ours. */
  tenantName?: string | null;
}

/** Where mobile members are: a destination city, with who employs them and who is there to join. */
export interface Destination {
  province: string;
  city: string;
  members: number;
  checkedIn: number;
  employers: { name: string; members: number }[];
  flowOrgs: PlaceFlowOrg[];
  /** Enough of our members there and no flow organization of ours: the county should set one up. */
  proposeFlowBranch: boolean;
}

export interface PlacesAnswer {
  month: string;
  destinations: Destination[];
}

type PlacesProcedure = { query: (input: { month: string; orgId?: string }) => Promise<PlacesAnswer> };

/** The mobile members of an org's subtree (or the county) by destination, for a month. */
export function loadPlaces(input: { month: string; orgId?: string }): Promise<PlacesAnswer> {
  return (roster.rollups as unknown as { places: PlacesProcedure }).places.query(input);
}
