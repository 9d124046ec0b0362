import { chinaLocalToIso } from '@tongxin/calendar';
import { errorText } from '@tongxin/i18n';
import { integerRange, requiredMessage } from '../shared/field-message.ts';
import { t } from './messages.ts';
import type { PhotoRule, PublishTaskInput, StudyFormat, TargetUnit, TaskKind, Visibility } from '../shared/tasks-api.ts';

export type Fields = Record<string, string>;
export type Draft = Omit<PublishTaskInput, 'idempotencyKey'>;

/** What the form holds in signals rather than in its inputs. */
export interface TaskFormChoices {
  orgId: string;
  kind: TaskKind;
  unit: TargetUnit;
  unlimited: boolean;
  photo: PhotoRule;
  format: StudyFormat;
  visibility: Visibility;
  /** A number is asked (and it is not a study task): the target and its unit are required. */
  needsTarget: boolean;
  /** Places already taken: an edit may not set the quota below them. */
  taken: number;
  /** Editing: the deadline as first shown, which may stay even if it has passed. */
  keptDeadline: string | null;
}

/**
 * The publish form's input and the problems found before sending, by field name, with the
 * same rules the server applies (it answers BAD_REQUEST with the same fields otherwise).
 */
export function readTaskForm(data: FormData, choices: TaskFormChoices): { input: Draft; problems: Fields } {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const problems: Fields = {};
  const whole = (name: string, min: number, max: number) => {
    const raw = text(name);
    const value = Number(raw);
    if (raw === '') problems[name] = requiredMessage();
    else if (!Number.isInteger(value) || value < min || value > max) problems[name] = integerRange(min, max);
    return value;
  };
  const isStudy = choices.kind === 'study';
  const title = text('title');
  const description = text('description');
  if (title.length < 2) problems.title = title ? errorText('too_short', { min: 2 }) : requiredMessage();
  if (!description) problems.description = requiredMessage();
  const amountText = text('target.amount');
  const amount = amountText === '' ? null : whole('target.amount', 1, 100_000_000);
  if (amount === null && choices.needsTarget) problems['target.amount'] = t('targetForNumber');
  const quota = choices.unlimited ? null : whole('quota', 1, 100_000);
  // The hint beside the field says why; the message says what fits.
  if (quota !== null && !problems.quota && quota < choices.taken) problems.quota = integerRange(choices.taken, 100_000);
  // Study is recorded, never scored (issue 17, burden rules): a study task carries no points.
  const points = isStudy ? 0 : whole('points', 1, 100);
  const deadlineText = text('deadline');
  let deadline = '';
  if (!deadlineText) problems.deadline = requiredMessage();
  else {
    deadline = chinaLocalToIso(deadlineText);
    // An edit that keeps a deadline already passed does not have to move it.
    const kept = choices.keptDeadline !== null && deadlineText === choices.keptDeadline;
    if (!kept && new Date(deadline).getTime() <= Date.now()) problems.deadline = errorText('deadline_in_past');
  }
  const photoReason = text('evidence.photoReason');
  if (!isStudy && choices.photo !== 'none' && !photoReason) problems['evidence.photoReason'] = requiredMessage();
  const studyBody = text('study.body');
  const studyUrl = text('study.url');
  if (isStudy && choices.format === 'text' && !studyBody) problems['study.body'] = requiredMessage();
  if (isStudy && choices.format !== 'text' && !studyUrl) problems['study.url'] = requiredMessage();
  if (!choices.orgId) problems.orgId = requiredMessage();
  const input: Draft = {
    orgId: choices.orgId,
    kind: choices.kind,
    title,
    description,
    target: amount === null ? null : { amount, unit: choices.unit },
    quota,
    deadline,
    visibility: choices.visibility,
    city: text('city') || null,
    // A study task is confirmed by the member; it asks for no evidence.
    evidence: isStudy
      ? { photo: 'none', photoReason: null, text: false, number: false }
      : { photo: choices.photo, photoReason: choices.photo === 'none' ? null : photoReason, text: data.has('evidence.text'), number: data.has('evidence.number') },
    points,
    study: isStudy ? { format: choices.format, body: choices.format === 'text' ? studyBody : null, url: choices.format === 'text' ? null : studyUrl } : null,
    draft: false,
  };
  return { input, problems };
}
