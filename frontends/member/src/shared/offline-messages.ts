import { defineMessages } from '@tongxin/i18n';

/** The words of the member's offline use (issue 18): answers kept from the last visit and writes waiting to be sent. */
export const m = defineMessages(
  {
    asOf: '离线：显示的是 {time} 获取的内容',
    queueTitle: '待发送',
    queueIntro: '网络恢复后会自动发送，每项只会提交一次。',
    waiting: '等待发送',
    retrying: '服务器暂时出错，{time} 再试',
    refused: '未能发送：{reason}',
    dismiss: '知道了',
    queued: '已保存在手机上，联网后自动发送。',
    'label.report': '{period} 月度报告',
    'label.claim': '领取任务：{title}',
    'label.suggestion': '建议：{title}',
    'label.confirm': '确认信息台账无变化',
    'label.withdraw': '撤回认领：{title}',
    'label.respond': '回复参会：{title}',
    'label.checkin': '报到申请：{org}',
  },
  {
    asOf: 'Offline: showing what was fetched at {time}',
    queueTitle: 'Waiting to send',
    queueIntro: 'Sent by itself when the network is back, each only once.',
    waiting: 'Waiting to send',
    retrying: 'The server had a problem; trying again at {time}',
    refused: 'Not sent: {reason}',
    dismiss: 'OK',
    queued: 'Kept on this phone; it will be sent when you are online.',
    'label.report': 'Monthly report for {period}',
    'label.claim': 'Claim the task: {title}',
    'label.suggestion': 'Suggestion: {title}',
    'label.confirm': 'Confirm the ledger is unchanged',
    'label.withdraw': 'Withdraw the claim: {title}',
    'label.respond': 'Answer to the meeting: {title}',
    'label.checkin': 'Check-in request: {org}',
  },
);
