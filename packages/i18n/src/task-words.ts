import { defineMessages } from './define-messages.ts';

/**
 * Tasks' kinds and units in one wording for the member's and the secretary's views (a
 * subpath of its own, so only their task pages load it).
 */
const words = defineMessages(
  {
    'kind.sell_products': '销售家乡产品',
    'kind.find_jobs': '帮助就业',
    'kind.donation': '捐资捐物',
    'kind.promotion': '宣传推介',
    'kind.study': '学习',
    'kind.volunteer': '志愿服务',
    'kind.other': '其他',
    'unit.boxes': '箱',
    'unit.orders': '单',
    'unit.jobs': '个岗位',
    'unit.yuan': '元',
    'unit.people': '人',
    'unit.items': '件',
    'unit.hours': '小时',
  },
  {
    'kind.sell_products': 'Sell local products',
    'kind.find_jobs': 'Find jobs',
    'kind.donation': 'Donation',
    'kind.promotion': 'Promotion',
    'kind.study': 'Study',
    'kind.volunteer': 'Volunteering',
    'kind.other': 'Other',
    'unit.boxes': 'boxes',
    'unit.orders': 'orders',
    'unit.jobs': 'jobs',
    'unit.yuan': 'yuan',
    'unit.people': 'people',
    'unit.items': 'items',
    'unit.hours': 'hours',
  },
);

type Key = Parameters<typeof words>[0];

/** A task kind or target unit in words; an unknown code (a newer server) as itself. */
export function taskWord(prefix: 'kind' | 'unit', code: string | null | undefined): string {
  return code ? (words(`${prefix}.${code}` as Key) ?? code) : '';
}
