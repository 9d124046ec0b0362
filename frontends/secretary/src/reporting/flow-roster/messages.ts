import { defineMessages } from '@tongxin/i18n';

export const t = defineMessages(
  {
    title: '流动党员名册',
    intro: '流动党员党组织的一份名册：本组织的党员，以及从各地来本组织报到的党员，注明原支部和所属县（市、区）。报到党员只显示对方授权的信息。',
    org: '流动党员党组织',
    none: '您的范围内没有流动党员党组织。',
    empty: '该组织暂无党员。',
    source: '来源',
    'source.local': '本组织党员',
    'source.checked_in': '报到党员',
    originBranch: '原支部',
    originTenant: '所属县（市、区）',
    summary: '共 {total} 人：本组织 {local} 人，报到 {checkedIn} 人',
  },
  {
    title: 'Flow roster',
    intro: 'One list for a flow organization: its own members and the members checked in with it from anywhere, with their home branch and county. For checked-in members only the granted fields show.',
    org: 'Flow organization',
    none: 'There is no flow organization in your scope.',
    empty: 'This organization has no members yet.',
    source: 'Source',
    'source.local': 'Own member',
    'source.checked_in': 'Checked in',
    originBranch: 'Home branch',
    originTenant: 'County',
    summary: '{total} in all: {local} own, {checkedIn} checked in',
  },
);
