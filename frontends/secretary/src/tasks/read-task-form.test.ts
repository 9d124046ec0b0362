import { describe, expect, it } from 'vitest';
import { readTaskForm, type TaskFormChoices } from './read-task-form.ts';
import { changesOf } from './task-changes.ts';
import type { ManagedTask } from '../shared/tasks-api.ts';

const choices: TaskFormChoices = {
  orgId: 'org-1', kind: 'sell_products', unit: 'boxes', unlimited: false, photo: 'none', format: 'text', visibility: 'org',
  needsTarget: true, taken: 0, keptDeadline: null,
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const filled = { title: '销售冰糖橙', description: '每箱 10 斤', 'target.amount': '100', quota: '10', points: '5', deadline: '2099-12-31T18:00', 'evidence.number': 'on' };

describe('reading the publish form', () => {
  it('turns the fields into the input the server takes, the deadline read as Beijing time', () => {
    const { input, problems } = readTaskForm(form(filled), choices);
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      orgId: 'org-1', title: '销售冰糖橙', target: { amount: 100, unit: 'boxes' }, quota: 10, points: 5,
      deadline: '2099-12-31T10:00:00.000Z', evidence: { photo: 'none', text: false, number: true },
    });
  });

  it('names each field with a problem before anything is sent', () => {
    const { problems } = readTaskForm(form({ ...filled, title: '', 'target.amount': '', quota: '0', points: '101', deadline: '2020-01-01T08:00' }), choices);
    expect(Object.keys(problems).sort()).toEqual(['deadline', 'points', 'quota', 'target.amount', 'title']);
  });

  it('an edit may not set the quota below the places taken, and may keep a deadline already passed', () => {
    const edit = { ...choices, taken: 6, keptDeadline: '2020-01-01T08:00' };
    const { problems } = readTaskForm(form({ ...filled, quota: '5', deadline: '2020-01-01T08:00' }), edit);
    expect(Object.keys(problems)).toEqual(['quota']);
  });

  it('a photo asked for needs its reason; a study task asks for no evidence', () => {
    expect(readTaskForm(form(filled), { ...choices, photo: 'required' }).problems).toHaveProperty(['evidence.photoReason']);
    const study = readTaskForm(form({ ...filled, 'study.body': '学习材料' }), { ...choices, kind: 'study', needsTarget: false });
    expect(study.input.evidence).toEqual({ photo: 'none', photoReason: null, text: false, number: false });
    expect(study.input.study).toEqual({ format: 'text', body: '学习材料', url: null });
    // Study earns no points: the form sends 0, whatever the hidden field held.
    expect(study.input.points).toBe(0);
  });
});

describe('what an edit sends', () => {
  const task = {
    kind: 'sell_products', title: '销售冰糖橙', description: '每箱 10 斤', target: { unit: 'boxes', amount: 100 }, quota: 10,
    deadline: '2099-12-31T10:00:00.000Z', city: null, evidence: { text: false, number: true, photo: 'none', photoReason: null }, points: 5, study: null,
  } as unknown as ManagedTask;

  it('only the terms that differ, whatever the order of keys the server returned', () => {
    const { input } = readTaskForm(form({ ...filled, points: '8' }), choices);
    expect(changesOf(task, input, false)).toEqual({ points: 8 });
  });

  it('nothing when nothing changed; the deadline only when it was touched', () => {
    const { input } = readTaskForm(form(filled), choices);
    expect(changesOf(task, input, false)).toEqual({});
    expect(changesOf(task, input, true)).toEqual({ deadline: '2099-12-31T10:00:00.000Z' });
  });
});
