import { chinaMonth } from '@tongxin/calendar';
import { selectRows, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { sql } from 'drizzle-orm';
import { orgDirectory, rollups } from '../schema.ts';

/** Brief: three or more members away together at one place can form a (temporary) branch. */
export const FLOW_BRANCH_MEMBERS = 3;

export interface Place {
  /** As the ledgers record it (the first that names one); null when none does. */
  province: string | null;
  city: string;
  /** Mobile members there (lost contact included), and those of them checked in. */
  members: number;
  checkedIn: number;
  /** Where an employer is recorded, most members first. */
  employers: { name: string; members: number }[];
  /** Flow organizations of any county seated in the city; `ours` when they are this county's. */
  flowOrgs: { name: string; ours: boolean }[];
  /** Three or more members at the city (so also at one employer there) and no flow organization in it. */
  proposeFlowBranch: boolean;
}

export interface PlacesQuery {
  tenantId: string;
  /** The org resolved and scope-checked by `withOptionalOrg`; null for the whole county. */
  org: { path: string } | null;
  department: boolean;
  month: string;
  now: Date;
}

// The same comparison as the leaves': a ledger's 深圳市 is the directory's 深圳.
const SUFFIX = '(县|市|区|镇|乡|村|街道)$';

/** `<province>|<city>[|<rest>]`: the province may be empty, the employer may hold a `|`. */
function splitKey(key: string): [string, string, string] {
  const [province = '', city = '', ...rest] = key.split('|');
  return [province, city, rest.join('|')];
}

/**
 * 三找 (where the members are): the destinations of an org's subtree (the county when none is
 * named) for a month, read from the rollups' place, placeCheckedIn and employer families of
 * the org's row (never the members), with the flow organizations of every county seated in
 * each city (`roster.org_directory`, which every tenant reads). Most members first.
 */
export async function listPlaces(tx: Tx, query: PlacesQuery): Promise<Place[]> {
  if (query.month > chinaMonth(query.now)) throw badField('month', 'future_month');
  if (!query.org && !query.department) throw new DomainError('role_required', { params: { role: 'department' } });
  // The org's own row: the named org (RLS keeps a secretary in their subtree), else the county's root.
  const orgId = query.org
    ? sql`${query.org.path.split('/').filter(Boolean).at(-1)!}::uuid`
    : sql`(select org_id from ${rollups} where tenant_id = ${query.tenantId} and parent_id is null limit 1)`;
  const rows = await selectRows<{ figure: string; value: number }>(
    tx,
    sql`select figure, value from ${rollups}
        where tenant_id = ${query.tenantId} and org_id = ${orgId} and month = ${query.month}
          and (figure like 'place:%' or figure like 'placeCheckedIn:%' or figure like 'employer:%')`,
  );

  // One place per city, suffix aside: a ledger naming no province, or 深圳市 for 深圳, is the same place.
  const places = new Map<string, Place>();
  const placeOf = (province: string, city: string) => {
    const key = city.replace(new RegExp(SUFFIX), '');
    const place = places.get(key) ?? { province: null, city, members: 0, checkedIn: 0, employers: [], flowOrgs: [], proposeFlowBranch: false };
    place.province ??= province || null;
    places.set(key, place);
    return place;
  };
  for (const { figure, value } of rows) {
    const family = figure.slice(0, figure.indexOf(':'));
    const [province, city, employer] = splitKey(figure.slice(family.length + 1));
    if (!city) continue; // an employer recorded without a destination city
    const place = placeOf(province, city);
    if (family === 'place') place.members += Number(value);
    else if (family === 'placeCheckedIn') place.checkedIn += Number(value);
    else {
      const known = place.employers.find((e) => e.name === employer);
      if (known) known.members += Number(value);
      else place.employers.push({ name: employer, members: Number(value) });
    }
  }
  if (places.size === 0) return [];

  const flowOrgs = await selectRows<{ city: string; name: string; ours: boolean }>(
    tx,
    sql`select regexp_replace(city, ${SUFFIX}, '') as city, name, tenant_id = ${query.tenantId} as ours from ${orgDirectory}
        where kind in ('flow_general', 'flow_branch') and closed_at is null and city is not null
          and regexp_replace(city, ${SUFFIX}, '') = any(array[${sql.join([...places.keys()].map((city) => sql`${city}`), sql`, `)}]::text[])
        order by tenant_id <> ${query.tenantId}, name`,
  );
  for (const [city, place] of places) {
    place.flowOrgs = flowOrgs.filter((o) => o.city === city).map(({ name, ours }) => ({ name, ours }));
    place.employers.sort((a, b) => b.members - a.members || a.name.localeCompare(b.name, 'zh-CN'));
    // Three at one employer are three at the city: the city's count decides.
    place.proposeFlowBranch = place.members >= FLOW_BRANCH_MEMBERS && place.flowOrgs.length === 0;
  }
  return [...places.values()].sort((a, b) => b.members - a.members || a.city.localeCompare(b.city, 'zh-CN'));
}
