import { defineMessages } from '@tongxin/i18n';

/** The member view's first screen; field names come from the shared `ledger.*` keys. The form's and the history's words load with them (edit-messages.ts, history-messages.ts). */
export const m = defineMessages(
  {
    ledgerTitle: '我的信息台账',
    notFilled: '未填写',
    lastConfirmed: '最近确认：{date}',
    neverConfirmed: '尚未确认过',
    fieldConfirmed: '确认于 {date}',
    staleNotice: '您的台账已超过 30 天未确认，请核对后确认或修改。',
    confirmUnchanged: '信息无变化，确认',
    confirming: '正在确认…',
    confirmed: '已确认，谢谢！',
    edit: '修改信息',
    history: '变更记录',
  },
  {
    ledgerTitle: 'My information ledger',
    notFilled: 'Not filled in',
    lastConfirmed: 'Last confirmed: {date}',
    neverConfirmed: 'Not confirmed yet',
    fieldConfirmed: 'confirmed {date}',
    staleNotice: 'Your ledger has not been confirmed for over 30 days. Please check it, then confirm or edit it.',
    confirmUnchanged: 'Nothing changed, confirm',
    confirming: 'Confirming…',
    confirmed: 'Confirmed, thank you!',
    edit: 'Edit',
    history: 'History',
  },
);
