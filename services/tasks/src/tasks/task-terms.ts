import type { Evidence, StudyMaterial, TargetUnit, TaskKind } from '../schema/scope.ts';
import { STUDY_EVIDENCE } from './task-input.ts';
import { badField } from '@tongxin/errors';

/** What a task promises; a version of it is kept for every edit (task_versions.terms). */
export interface TaskTerms {
  kind: TaskKind;
  title: string;
  description: string;
  target: { amount: number; unit: TargetUnit } | null;
  quota: number | null;
  deadline: Date;
  city: string | null;
  evidence: Evidence;
  points: number;
  study: StudyMaterial | null;
}

/** Rules between terms that no single field's schema can state. */
export function checkTerms(terms: TaskTerms, now: Date, options: { deadlineSet: boolean }): TaskTerms {
  if (terms.kind === 'study' && !terms.study) throw badField('study', 'study_material_required');
  if (terms.kind !== 'study' && terms.study) throw badField('study', 'study_material_only_for_study');
  if (options.deadlineSet && terms.deadline <= now) throw badField('deadline', 'deadline_in_past');
  // Study is recorded, never scored (issue 17, burden rules: nobody is assessed by study time
  // or app points): a study task carries no points, any other at least one.
  if (terms.kind === 'study' && terms.points !== 0) throw badField('points', 'study_earns_no_points');
  if (terms.kind !== 'study' && terms.points < 1) throw badField('points', 'too_small', { min: 1 });
  // Study: the member's confirmation is the completion, so nothing else is asked for.
  const checked = terms.kind === 'study' ? { ...terms, evidence: { ...STUDY_EVIDENCE } } : terms;
  // A number nobody can read: the target's unit says what the member counts.
  if (checked.evidence.number && !checked.target) throw badField('target', 'target_required');
  return checked;
}

/** The terms as the tasks table stores them. */
export function termColumns(terms: TaskTerms) {
  return {
    kind: terms.kind,
    title: terms.title,
    description: terms.description,
    targetAmount: terms.target?.amount ?? null,
    targetUnit: terms.target?.unit ?? null,
    quota: terms.quota,
    deadline: terms.deadline,
    city: terms.city,
    evidence: terms.evidence,
    points: terms.points,
    study: terms.study,
  };
}

/** The terms as a task_versions row keeps them (JSON: the deadline as ISO text). */
export function termsRecord(terms: TaskTerms) {
  return { ...terms, deadline: terms.deadline.toISOString() };
}

/** A task row's terms. */
export function termsOf(row: {
  kind: TaskKind; title: string; description: string; targetAmount: number | null; targetUnit: TargetUnit | null; quota: number | null;
  deadline: Date; city: string | null; evidence: Evidence; points: number; study: StudyMaterial | null;
}): TaskTerms {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    target: row.targetAmount !== null && row.targetUnit !== null ? { amount: row.targetAmount, unit: row.targetUnit } : null,
    quota: row.quota,
    deadline: row.deadline,
    city: row.city,
    evidence: row.evidence,
    points: row.points,
    study: row.study,
  };
}
