/** A deterministic generator of realistic Chinese names and ledger values for demo data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: small, fast, and the same sequence on every machine.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const SURNAMES = ['李', '王', '张', '刘', '陈', '黄', '曹', '邓', '周', '谢', '罗', '廖', '马', '何', '曾', '彭', '唐', '胡', '肖', '郭', '雷', '段', '欧阳', '袁', '贺'];
const GIVEN = ['明', '华', '建国', '志强', '秀英', '丽', '伟', '芳', '军', '洪', '春生', '桂花', '海波', '小兵', '文杰', '淑珍', '红梅', '国平', '德胜', '晓东', '雪梅', '建军', '玉兰', '永红', '新民', '卫东', '静', '磊', '勇', '娟'];

export const DESTINATIONS = ['深圳', '广州', '东莞', '福州', '佛山', '长沙', '贵阳', '厦门'] as const;
export const EMPLOYERS: Record<string, readonly string[]> = {
  深圳: ['深圳市宏达家具有限公司', '深圳华强电子厂', '深圳市永兴商会'],
  广州: ['广州白云物流有限公司', '广州市天河建筑公司'],
  东莞: ['东莞长安五金厂', '东莞市鑫源纺织有限公司'],
  福州: ['福州马尾造船厂', '福州市永兴商会'],
  佛山: ['佛山市顺德家电厂'],
  长沙: ['长沙市星沙物流园'],
  贵阳: ['贵阳市南明建筑公司'],
  厦门: ['厦门市集美食品厂'],
};
export const OCCUPATIONS = ['家具工', '电子装配工', '货车司机', '建筑工', '个体经营', '厨师', '销售员', '技术员', '快递员'] as const;

/**
 * 学历 of the county's members (issue 15): the mobile ones younger and more often schooled past
 * junior high; a few never recorded, as in the counties' own spreadsheets. Weights per band,
 * highest first (EDUCATION_LEVELS), then unrecorded.
 */
export const EDUCATION_WEIGHTS = {
  mobile: { postgraduate: 2, bachelor: 14, college: 18, secondary_vocational: 16, high_school: 20, junior_or_below: 26, unrecorded: 4 },
  resident: { postgraduate: 1, bachelor: 6, college: 10, secondary_vocational: 10, high_school: 22, junior_or_below: 47, unrecorded: 4 },
} as const;

/** 外出原因 of the mobile members: mostly work (the Pearl River delta's factories), then business. */
export const AWAY_REASON_WEIGHTS = { work: 66, business: 15, study: 5, family: 8, other: 3, unrecorded: 3 } as const;

/** One key of `weights`, each as likely as its weight. */
export function pickWeighted<K extends string>(random: ReturnType<typeof createRandom>, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let left = random.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries.at(-1)![0];
}

export function personName(random: ReturnType<typeof createRandom>): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

export function phoneNumber(random: ReturnType<typeof createRandom>): string {
  return `1${random.pick(['35', '38', '39', '58', '77', '86'])}${String(Math.floor(random.next() * 1e8)).padStart(8, '0')}`;
}

export const PROVINCE_OF: Record<string, string> = {
  深圳: '广东省', 广州: '广东省', 东莞: '广东省', 佛山: '广东省', 福州: '福建省', 厦门: '福建省', 长沙: '湖南省', 贵阳: '贵州省',
};
const AREA_CODE: Record<string, string> = { 深圳: '0755', 广州: '020', 东莞: '0769', 佛山: '0757', 福州: '0591', 厦门: '0592', 长沙: '0731', 贵阳: '0851' };
const DISTRICTS: Record<string, readonly string[]> = {
  深圳: ['龙岗区坂田街道', '宝安区西乡街道', '龙华区民治街道', '南山区西丽街道'],
  广州: ['白云区太和镇', '天河区棠下街道', '番禺区大石街道'],
  东莞: ['长安镇', '虎门镇', '塘厦镇'],
  福州: ['马尾区罗星街道', '仓山区城门镇'],
  佛山: ['顺德区容桂街道', '南海区桂城街道'],
  长沙: ['长沙县星沙街道', '雨花区洞井街道'],
  贵阳: ['南明区花果园街道', '观山湖区金华园街道'],
  厦门: ['集美区杏林街道', '湖里区殿前街道'],
};
const ROADS = ['五和大道', '建设路', '工业大道', '人民路', '兴业路', '创业路', '新安路'];

export function residentialAddress(random: ReturnType<typeof createRandom>, city: string): string {
  return `${city}市${random.pick(DISTRICTS[city] ?? ['城区'])}${random.pick(ROADS)}${1 + Math.floor(random.next() * 300)}号`;
}

export function landline(random: ReturnType<typeof createRandom>, city: string): string {
  return `${AREA_CODE[city] ?? '0735'}-${String(20_000_000 + Math.floor(random.next() * 69_999_999))}`;
}

/** A whole day `days` before `from`, as YYYY-MM-DD. */
export function daysBefore(from: Date, days: number): string {
  return new Date(from.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A random birth date between two years, as YYYYMMDD (for the ID-card number). */
export function birthDigits(random: ReturnType<typeof createRandom>, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  return new Date(start + Math.floor(random.next() * ((end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}
