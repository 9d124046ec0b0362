/**
 * What an inbox message says, by its notice code and parameters (issue 14 item 2): reporting
 * stores the code and parameters, never the words, and each reader sees them in their own
 * language. The words a person wrote (a reviewer's reason, a secretary's comment) are not
 * here: they are the message's `body`, shown as written. Framework-free, so the service can
 * render the Chinese text an official notice sends by SMS.
 */
export type SuggestionStep = 'received' | 'adopted' | 'in_progress' | 'done' | 'declined';
export type GrantRefusal = 'org_closed' | 'path_mismatch';

/** Each notice and the parameters it is stored with. */
export interface NoticeParams {
  checkin_accepted: { org: string };
  checkin_refused: { org: string };
  checkin_returned: { org: string };
  checkin_grant_refused: { org: string; reason: GrantRefusal };
  report_acknowledged: { period: string };
  report_reply: { period: string };
  report_reminder: { period: string };
  suggestion_step: { step: SuggestionStep; title: string };
  /** `task` is null for an event recorded before it carried the title. */
  task_approved: { task: string | null; points: number };
  task_rejected: { task: string | null };
  /** An activity certificate ends soon (issue 17): the holder's own (`holder` null), or a member's of the branch. */
  certificate_ending: { number: string; validUntil: string; holder: string | null };
}
export type Notice = keyof NoticeParams;
export type NoticeLocale = 'zh-CN' | 'en';

type Words = {
  [N in Notice]: (p: NoticeParams[N]) => { title: string; detail?: string };
};

const zhCN: Words = {
  checkin_accepted: (p) => ({ title: `${p.org}已接收您的报到` }),
  checkin_refused: (p) => ({ title: `${p.org}未接收您的报到` }),
  checkin_returned: (p) => ({ title: `${p.org}请您补充报到信息` }),
  checkin_grant_refused: (p) => ({
    title: `${p.org}未能接收您的报到`,
    detail: { org_closed: '该组织已撤销，无法报到', path_mismatch: '目的地组织信息不符' }[p.reason],
  }),
  report_acknowledged: (p) => ({ title: `${p.period} 月报已阅` }),
  report_reply: (p) => ({ title: `${p.period} 月报有新回复` }),
  report_reminder: (p) => ({
    title: `${p.period} 月度报告提醒`,
    detail: `您还没有提交 ${p.period} 的月度报告，请向党支部报告本月工作和生活情况。`,
  }),
  suggestion_step: (p) => ({
    title: `${{ received: '建言已收到', adopted: '您的建言已被采纳', in_progress: '您的建言正在落实', done: '您的建言已落实完成', declined: '您的建言未被采纳' }[p.step]}：${p.title}`,
  }),
  task_approved: (p) => ({ title: `${zhCompletion(p.task)}已审核通过`, detail: `积分 ${p.points} 分。` }),
  task_rejected: (p) => ({ title: `${zhCompletion(p.task)}被退回`, detail: '请在“任务”中修改后重新提交。' }),
  certificate_ending: (p) => ({
    title: `${p.holder ? `${p.holder}的` : '您的'}流动党员活动证将于 ${p.validUntil} 到期`,
    detail: p.holder
      ? `活动证 ${p.number}。请提醒党员按时返回交回，或到乡镇党委重新办理。`
      : `活动证 ${p.number}。返回时请交回活动证并报告外出期间的情况；仍需在外的，请联系乡镇党委重新办理。`,
  }),
};

const en: Words = {
  checkin_accepted: (p) => ({ title: `${p.org} accepted your check-in` }),
  checkin_refused: (p) => ({ title: `${p.org} did not accept your check-in` }),
  checkin_returned: (p) => ({ title: `${p.org} asks you to complete your check-in` }),
  checkin_grant_refused: (p) => ({
    title: `${p.org} could not accept your check-in`,
    detail: { org_closed: 'The organization has been closed.', path_mismatch: 'The destination organization’s details did not match.' }[p.reason],
  }),
  report_acknowledged: (p) => ({ title: `Your report for ${p.period} has been read` }),
  report_reply: (p) => ({ title: `A new reply to your report for ${p.period}` }),
  report_reminder: (p) => ({
    title: `Monthly report reminder: ${p.period}`,
    detail: `You have not submitted your monthly report for ${p.period} yet. Please report this month’s work and life to your branch.`,
  }),
  suggestion_step: (p) => ({
    title: `${{ received: 'Suggestion received', adopted: 'Your suggestion was adopted', in_progress: 'Your suggestion is being carried out', done: 'Your suggestion has been carried out', declined: 'Your suggestion was not adopted' }[p.step]}: ${p.title}`,
  }),
  task_approved: (p) => ({ title: `${enCompletion(p.task)} was approved`, detail: `${p.points} points.` }),
  task_rejected: (p) => ({ title: `${enCompletion(p.task)} was sent back`, detail: 'Please change it under Tasks and submit it again.' }),
  certificate_ending: (p) => ({
    title: `${p.holder ? `${p.holder}’s` : 'Your'} activity certificate ends on ${p.validUntil}`,
    detail: p.holder
      ? `Certificate ${p.number}. Remind the member to hand it back on return, or to have a new one issued by the township committee.`
      : `Certificate ${p.number}. On return, hand it back and report on your time away; if you stay away longer, ask the township committee for a new one.`,
  }),
};

function zhCompletion(task: string | null): string {
  return task?.trim() ? `任务“${task.trim()}”的完成情况` : '您提交的任务完成情况';
}
function enCompletion(task: string | null): string {
  return task?.trim() ? `Your completion of “${task.trim()}”` : 'Your task completion';
}

const words: Record<NoticeLocale, Words> = { 'zh-CN': zhCN, en };

/**
 * The title and the fixed detail line of a notice in `locale`. Parameters come from the
 * database (JSON), so they are read as the notice's own: an unknown notice (a newer server)
 * falls back to null, and the reader shows the stored title instead.
 */
export function renderNotice(locale: NoticeLocale, notice: string, params: unknown): { title: string; detail: string | null } | null {
  const all = words[locale] as Record<string, ((p: unknown) => { title: string; detail?: string }) | undefined>;
  const render = Object.hasOwn(all, notice) ? all[notice] : undefined; // never a name from Object's prototype
  if (!render || typeof params !== 'object' || params === null) return null;
  const { title, detail } = render(params);
  return { title, detail: detail ?? null };
}
