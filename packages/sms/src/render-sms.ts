import type { OutboundSms, SmsKind } from './message-channel.ts';

/**
 * Each kind's template values, in the order a provider's template numbers them ({1}, {2}, …):
 * Tencent Cloud takes `TemplateParamSet` as an ordered array, so the order is part of the
 * contract with the templates a county registers. The validity periods default to the
 * issue's rules (activation 14 days, reset 15 minutes, invitation 72 hours).
 */
export const TEMPLATE_PARAMS = {
  activation: ['code', 'link', 'days'],
  reset: ['code', 'minutes'],
  invitation: ['tenantName', 'link', 'hours'],
  checkin_confirmation: ['member', 'org', 'link', 'days'],
} as const satisfies Record<SmsKind, readonly string[]>;

const DEFAULTS: Partial<Record<string, string>> = { days: '14', minutes: '15', hours: '72' };

/** The template's values in order; a missing value without a default is a programming error. */
export function templateParamSet(message: Pick<OutboundSms, 'kind' | 'params'>): string[] {
  return TEMPLATE_PARAMS[message.kind].map((name) => {
    const value = message.params[name] ?? DEFAULTS[name];
    if (value === undefined) throw new Error(`${message.kind} message without its ${name}`);
    return value;
  });
}

/** The sign a message carries when no county has registered its own. */
export const DEFAULT_SIGN_NAME = '同心';

/**
 * The text as a person would receive it. The development channel writes it to its log; a
 * county registers the same wording as its templates with its provider.
 */
export function renderSms(message: Pick<OutboundSms, 'kind' | 'params'>, signName = DEFAULT_SIGN_NAME): string {
  const sign = `【${signName}】`;
  switch (message.kind) {
    case 'activation': {
      // Where to type it, not only the code: the link opens the activation page for this county.
      const [code, link, days] = templateParamSet(message);
      return `${sign}您的同心账号激活码为 ${code}，${days}天内有效。请打开 ${link} 激活并设置密码。`;
    }
    case 'reset': {
      const [code, minutes] = templateParamSet(message);
      return `${sign}您的验证码为 ${code}，用于重设密码，${minutes}分钟内有效。如非本人操作，请忽略本短信。`;
    }
    case 'invitation': {
      const [tenantName, link, hours] = templateParamSet(message);
      return `${sign}${tenantName}邀请您开通同心账号，请在${hours}小时内打开链接设置密码：${link}`;
    }
    case 'checkin_confirmation': {
      // The contact has no account: the link alone answers, once (issue 17).
      const [member, org, link, days] = templateParamSet(message);
      return `${sign}党员${member}申请到${org}报到。请在${days}天内打开链接确认或说明原因（仅可使用一次）：${link}`;
    }
  }
}
