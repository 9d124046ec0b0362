/** The demo accounts: the same on every fresh start, listed in README.md. */
export const DEMO_PASSWORD = 'Tongxin-2026';

export type DemoRole = 'member' | 'branch-secretary' | 'flow-secretary' | 'township-secretary' | 'department';

export interface DemoAccount {
  tenantId: string;
  username: string;
  name: string;
  role: DemoRole;
  /** Which org the role is held in, by name (resolved while seeding). */
  org?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { tenantId: '431023', username: '13800000001', name: '李明', role: 'member', org: '涌水村流动党员党支部' },
  { tenantId: '431023', username: '13800000002', name: '曹建国', role: 'branch-secretary', org: '涌水村流动党员党支部' },
  { tenantId: '431023', username: '13800000003', name: '黄海波', role: 'flow-secretary', org: '永兴县驻深圳流动党员党支部' },
  { tenantId: '431023', username: '13800000004', name: '邓志强', role: 'township-secretary', org: '马田镇党委' },
  { tenantId: '431023', username: '13800000005', name: '周秀英', role: 'department' },
  // A second mobile member of 李明's branch: a task with a quota needs several claimants.
  { tenantId: '431023', username: '13800000006', name: '曹志勇', role: 'member', org: '涌水村流动党员党支部' },
  { tenantId: '431026', username: '13900000001', name: '朱红梅', role: 'department' },
  { tenantId: '431026', username: '13900000002', name: '朱志远', role: 'flow-secretary', org: '汝城县驻广州流动党员党支部' },
];

/**
 * The demo city's organization department (郴州市委组织部, tenant 431000): a department-role
 * user of the city, which sees the counties that granted it their figures (issue 15; both demo
 * counties give the grant at seed). Same password.
 */
export const DEMO_CITY_ACCOUNT = { tenantId: '431000', username: '13600000001', name: '郴州市委组织部' } as const;

/** The demo platform operator (tenant `platform`): creates tenants and invites their administrators. */
export const DEMO_OPERATOR = { tenantId: 'platform', username: 'operator', name: '平台运营员' } as const;

/** Accounts for a benchmark county (`npm run seed -- --members N`), same password. */
export function benchmarkAccounts(tenantId: string): DemoAccount[] {
  return [
    { tenantId, username: '13700000001', name: '基准党员', role: 'member', org: '第1镇1村党支部' },
    { tenantId, username: '13700000004', name: '基准镇书记', role: 'township-secretary', org: '第1镇党委' },
    { tenantId, username: '13700000005', name: '基准组织部', role: 'department' },
  ];
}
