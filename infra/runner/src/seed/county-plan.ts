import { benchmarkAccounts, DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.ts';

/** What a demo county looks like (brief, "Organizations" and "The figures"). */
export interface CountyPlan {
  tenantId: string;
  name: string;
  cityId: string;
  department: string;
  townships: { name: string; villages: string[] }[];
  /** The 6-digit region code ID-card numbers of the county's members start with. */
  regionCode: string;
  /** The flow general branch: set up by a township committee, seated in a destination city. */
  flowGeneral: { name: string; township: string; city: string };
  /** Flow branches: under the general branch, or directly under the township that set them up. */
  flowBranches: { city: string; name: string; township?: string }[];
  members: number;
  seed: number;
  accounts: DemoAccount[];
}

export const CHENZHOU = { id: '431000', name: '郴州市' };

export const YONGXING: CountyPlan = {
  tenantId: '431023',
  name: '永兴县',
  cityId: CHENZHOU.id,
  department: '中共永兴县委组织部',
  townships: [
    { name: '马田镇', villages: ['涌水村', '马田村', '高亭村'] },
    { name: '黄草镇', villages: ['黄草村', '龙潭村', '大洞村'] },
    { name: '柏林镇', villages: ['柏林村', '塘门口村', '东岗村'] },
    { name: '樟树镇', villages: ['樟树村', '新塘村', '洞口村'] },
    { name: '油麻镇', villages: ['油麻村', '和平村'] },
  ],
  regionCode: '431023',
  // Brief: flow organizations are created and assessed by the sending township committee.
  flowGeneral: { name: '永兴县驻外流动党员党总支', township: '马田镇', city: '深圳' },
  flowBranches: [
    { city: '深圳', name: '永兴县驻深圳流动党员党支部' },
    { city: '广州', name: '永兴县驻广州流动党员党支部' },
    { city: '东莞', name: '永兴县驻东莞流动党员党支部' },
    { city: '福州', name: '永兴县驻福州流动党员党支部', township: '黄草镇' },
  ],
  members: 420,
  seed: 431023,
  accounts: DEMO_ACCOUNTS.filter((a) => a.tenantId === '431023'),
};

export const RUCHENG: CountyPlan = {
  tenantId: '431026',
  name: '汝城县',
  cityId: CHENZHOU.id,
  department: '中共汝城县委组织部',
  townships: [
    { name: '热水镇', villages: ['热水村', '东岭村'] },
    { name: '土桥镇', villages: ['土桥村', '金山村'] },
  ],
  regionCode: '431026',
  flowGeneral: { name: '汝城县驻外流动党员党总支', township: '热水镇', city: '广州' },
  flowBranches: [
    { city: '广州', name: '汝城县驻广州流动党员党支部' },
    { city: '佛山', name: '汝城县驻佛山流动党员党支部' },
  ],
  members: 80,
  seed: 431026,
  accounts: DEMO_ACCOUNTS.filter((a) => a.tenantId === '431026'),
};

/**
 * A county of `members` members for benchmarks: the Yongxing shape, scaled. `index` numbers
 * the counties of a benchmark city (`--city N`): `bench<members>-<index>`.
 */
export function benchmarkCounty(members: number, index?: number): CountyPlan {
  const townships = Math.max(4, Math.ceil(members / 800));
  const tenantId = index === undefined ? `bench${members}` : `bench${members}-${index}`;
  return {
    ...YONGXING,
    tenantId,
    name: index === undefined ? `基准县（${members}名党员）` : `基准${index}县（${members}名党员）`,
    department: '基准县委组织部',
    townships: Array.from({ length: townships }, (_, i) => ({
      name: `第${i + 1}镇`,
      villages: Array.from({ length: 6 }, (_, j) => `第${i + 1}镇${j + 1}村`),
    })),
    flowGeneral: { ...YONGXING.flowGeneral, township: '第1镇' },
    flowBranches: YONGXING.flowBranches.map((f) => (f.township ? { ...f, township: '第2镇' } : f)),
    members,
    seed: members + (index ?? 0) * 7919,
    accounts: benchmarkAccounts(tenantId),
  };
}
