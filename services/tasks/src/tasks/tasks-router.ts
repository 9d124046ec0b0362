import { actingProcedure, memberProcedure, staffProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { TASK_STATUSES } from '../schema/scope.ts';
import { closeTask, publishDraft } from './change-task-status.ts';
import { getTask } from './get-task.ts';
import { listManagedTasks } from './list-managed-tasks.ts';
import { listTasksForMe } from './list-tasks-for-me.ts';
import { publishTask } from './publish-task.ts';
import { ZPublishTaskInput, ZTaskKind, ZTaskRef, ZUpdateTaskInput } from './task-input.ts';
import { taskProgress } from './task-progress.ts';
import { updateTask } from './update-task.ts';

export const ZTasksForMeInput = z.object({ kind: ZTaskKind.optional(), myCity: z.boolean().optional() }).default({});
// The task's id only: its county is the server's to read (issue 13, class A); other keys are dropped.
export const ZGetTaskInput = z.object({ taskId: z.uuid() });
export const ZManageTasksInput = z.object({ status: z.enum(TASK_STATUSES).optional() }).default({});

export const tasksRouter = {
  /** A secretary for the org they hold, or the department for any org of the county. */
  publish: staffProcedure.input(ZPublishTaskInput).mutation(({ ctx, input }) => ctx.tx((tx) => publishTask(tx, ctx.caller, input, ctx.deps.now()))),

  update: staffProcedure.input(ZUpdateTaskInput).mutation(({ ctx, input }) => ctx.tx((tx) => updateTask(tx, ctx.caller, input, ctx.deps.now()))),

  publishDraft: staffProcedure.input(ZTaskRef).mutation(({ ctx, input }) => ctx.tx((tx) => publishDraft(tx, ctx.claims.tenantId, input.taskId, ctx.deps.now()))),

  close: staffProcedure.input(ZTaskRef).mutation(({ ctx, input }) => ctx.tx((tx) => closeTask(tx, ctx.claims.tenantId, input.taskId, ctx.deps.now()))),

  forMe: memberProcedure.input(ZTasksForMeInput).query(({ ctx, input }) => ctx.tx((tx) => listTasksForMe(tx, ctx.claims, input, ctx.deps.now()))),

  /** A member the task reaches, or staff in scope. */
  get: actingProcedure('member', 'secretary', 'department')
    .input(ZGetTaskInput)
    .query(({ ctx, input }) => ctx.tx((tx) => getTask(tx, ctx.caller, input.taskId))),

  manage: staffProcedure.input(ZManageTasksInput).query(({ ctx, input }) => ctx.tx((tx) => listManagedTasks(tx, ctx.claims.tenantId, input.status))),

  progress: staffProcedure.input(ZTaskRef).query(({ ctx, input }) => ctx.tx((tx) => taskProgress(tx, ctx.claims.tenantId, input.taskId))),
} satisfies TRPCRouterRecord;
