import { PHOTO_RULES, STUDY_FORMATS } from '@tongxin/ledger';
import { ZIdempotencyKey } from '@tongxin/trpc';
import { z } from 'zod';
import { TARGET_UNITS, TASK_KINDS, VISIBILITIES } from '../schema/scope.ts';

// The task's input schemas, shared by publish and update (the secretary's form speaks these).

export const ZTaskKind = z.enum(TASK_KINDS);
export const ZTarget = z.object({ amount: z.number().int().min(1).max(100_000_000), unit: z.enum(TARGET_UNITS) });

/**
 * Brief, burden rules: "a task asks for a photo only when the publisher says why; a number
 * or a sentence is the default". So a photo needs its reason, and the default asks for a sentence.
 */
export const ZEvidence = z
  .object({
    photo: z.enum(PHOTO_RULES),
    photoReason: z.string().trim().max(200).nullable().default(null),
    text: z.boolean(),
    number: z.boolean(),
  })
  .superRefine((e, ctx) => {
    if (e.photo !== 'none' && !e.photoReason) ctx.addIssue({ code: 'custom', path: ['photoReason'], message: 'say why a photo is needed' });
  })
  .transform((e) => ({ ...e, photoReason: e.photo === 'none' ? null : e.photoReason }));
export const DEFAULT_EVIDENCE = { photo: 'none', photoReason: null, text: true, number: false } as const;
/** A study task asks for nothing but the member's confirmation. */
export const STUDY_EVIDENCE = { photo: 'none', photoReason: null, text: false, number: false } as const;

export const ZStudy = z
  .object({
    format: z.enum(STUDY_FORMATS),
    body: z.string().trim().max(20_000).nullable().default(null),
    url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.format === 'text' && !s.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'the text to study' });
    if (s.format !== 'text' && !s.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'the address of the PDF or page' });
  });

const ZDeadline = z.iso.datetime({ offset: true });

const terms = {
  kind: ZTaskKind,
  title: z.string().trim().min(2).max(80),
  description: z.string().trim().min(1).max(2000),
  target: ZTarget.nullable(),
  quota: z.number().int().min(1).max(100_000).nullable(),
  deadline: ZDeadline,
  city: z.string().trim().min(1).max(40).nullable(),
  evidence: ZEvidence,
  /** 1–100; a study task's is 0 (checkTerms: study is recorded, never scored). */
  points: z.number().int().min(0).max(100),
  study: ZStudy.nullable(),
};

export const ZPublishTaskInput = z.object({
  orgId: z.uuid(),
  kind: terms.kind,
  title: terms.title,
  description: terms.description,
  target: terms.target.default(null),
  quota: terms.quota.default(null),
  deadline: terms.deadline,
  visibility: z.enum(VISIBILITIES).default('org'),
  city: terms.city.default(null),
  evidence: terms.evidence.default(DEFAULT_EVIDENCE),
  points: terms.points,
  study: terms.study.default(null),
  draft: z.boolean().default(false),
  idempotencyKey: ZIdempotencyKey,
});
export type PublishTaskInput = z.infer<typeof ZPublishTaskInput>;

/** Any term may change (absent: unchanged); the publisher and the audience may not. */
export const ZUpdateTaskInput = z.object({
  taskId: z.uuid(),
  expectedVersion: z.number().int().min(1),
  kind: terms.kind.optional(),
  title: terms.title.optional(),
  description: terms.description.optional(),
  target: terms.target.optional(),
  quota: terms.quota.optional(),
  deadline: terms.deadline.optional(),
  city: terms.city.optional(),
  evidence: terms.evidence.optional(),
  points: terms.points.optional(),
  study: terms.study.optional(),
  idempotencyKey: ZIdempotencyKey,
});
export type UpdateTaskInput = z.infer<typeof ZUpdateTaskInput>;

export const ZTaskRef = z.object({ taskId: z.uuid() });
