import type { Draft } from './read-task-form.ts';
import type { ManagedTask, UpdateTaskInput } from '../shared/tasks-api.ts';

export type Changes = Omit<UpdateTaskInput, 'idempotencyKey'>;

const TERMS = ['kind', 'title', 'description', 'target', 'quota', 'deadline', 'city', 'evidence', 'points', 'study'] as const;

/** Equal as JSON values, whatever the order of their keys (the server's JSON columns reorder them). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => same((a as Record<string, unknown>)[key] ?? null, (b as Record<string, unknown>)[key] ?? null));
}

/**
 * The terms that differ from the task's: only they are sent, so an untouched term stays
 * exactly as it was (and an unchanged save writes no version). The deadline is compared as
 * the form shows it, to the minute: `deadlineTouched` says whether it changed there.
 */
export function changesOf(task: ManagedTask, input: Draft, deadlineTouched: boolean): Partial<Changes> {
  const changes: Record<string, unknown> = {};
  for (const term of TERMS) {
    if (term === 'deadline') {
      if (deadlineTouched) changes.deadline = input.deadline;
    } else if (!same(task[term], input[term])) changes[term] = input[term];
  }
  return changes as Partial<Changes>;
}
