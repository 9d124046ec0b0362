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

export function personName(random: ReturnType<typeof createRandom>): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

export function phoneNumber(random: ReturnType<typeof createRandom>): string {
  return `1${random.pick(['35', '38', '39', '58', '77', '86'])}${String(Math.floor(random.next() * 1e8)).padStart(8, '0')}`;
}
