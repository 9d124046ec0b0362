import type { Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { orgs } from '../schema.ts';

export interface CountyName {
  /** 永兴: what the certificate number starts with. */
  short: string;
  /** 永兴县: what a verification names. */
  full: string;
}

/**
 * The county's name as its root org says it (中共永兴县委组织部, 宜章县委): roster keeps no county
 * record of its own, and the root is named after the county when the county is created
 * (create-county-root.ts) or seeded. The party's own prefix (中共) is not the county's.
 */
export function countyNameOf(rootName: string): CountyName {
  const match = /^(?:中共|中国共产党)?(.+?)(县|市|区|旗)/u.exec(rootName);
  return match ? { short: match[1]!, full: `${match[1]}${match[2]}` } : { short: rootName, full: rootName };
}

export async function readCountyName(tx: Tx, tenantId: string): Promise<CountyName> {
  const [root] = await tx.select({ name: orgs.name }).from(orgs).where(and(eq(orgs.tenantId, tenantId), isNull(orgs.parentId))).limit(1);
  return countyNameOf(root?.name ?? tenantId);
}

/** 永兴〔2026〕第012号: the county's sequence of the year, three digits at least. */
export function certificateNumber(county: CountyName, year: number, seq: number): string {
  return `${county.short}〔${year}〕第${String(seq).padStart(3, '0')}号`;
}
