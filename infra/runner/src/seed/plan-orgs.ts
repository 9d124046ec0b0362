import type { rosterSchema } from '@tongxin/roster';
import type { CountyPlan } from './county-plan.ts';
import { PROVINCE_OF } from './names.ts';

export type Org = typeof rosterSchema.orgs.$inferInsert & { id: string; path: string };

/**
 * The county's org tree: department → township committees → village branches (every other
 * village also has a mobile-member branch: not every village has one yet), and the flow
 * organizations under the township that set them up, seated in their destination city.
 */
export function planOrgs(plan: CountyPlan, nextId: () => string) {
  const orgs: Org[] = [];
  const add = (parent: Org | null, kind: Org['kind'], name: string, extra: Partial<Org> = {}): Org => {
    const id = nextId();
    const org: Org = { tenantId: plan.tenantId, id, parentId: parent?.id ?? null, kind, name, path: `${parent?.path ?? '/'}${id}/`, ...extra };
    orgs.push(org);
    return org;
  };
  const department = add(null, 'department', plan.department);
  const villageBranches: Org[] = [];
  const mobileBranches = new Map<string, Org>();
  const committees = new Map<string, Org>();
  for (const township of plan.townships) {
    const committee = add(department, 'township', `${township.name}党委`, { place: township.name });
    committees.set(township.name, committee);
    township.villages.forEach((village, i) => {
      const branch = add(committee, 'branch', `${village}党支部`, { place: village });
      villageBranches.push(branch);
      // Brief: members away over 6 months sit in the village's mobile-member branch.
      if (i % 2 === 0) mobileBranches.set(branch.id, add(committee, 'mobile_branch', `${village}流动党员党支部`, { place: village }));
    });
  }
  const committeeOf = (township: string) => {
    const committee = committees.get(township);
    if (!committee) throw new Error(`county plan ${plan.tenantId}: no township ${township} for a flow organization`);
    return committee;
  };
  const seat = (city: string) => ({ province: PROVINCE_OF[city] ?? null, city });
  const general = add(committeeOf(plan.flowGeneral.township), 'flow_general', plan.flowGeneral.name, seat(plan.flowGeneral.city));
  const flowBranches = plan.flowBranches.map((f) =>
    add(f.township ? committeeOf(f.township) : general, 'flow_branch', f.name, { ...seat(f.city), address: `${f.city}市${plan.name.replace(/县$/, "")}商会` }),
  );
  return { orgs, department, villageBranches, mobileBranches, flowBranches, general };
}
