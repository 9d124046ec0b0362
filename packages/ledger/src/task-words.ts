// The tasks' vocabularies (一领), shared by the tasks service's inputs and tables and by the
// views' forms: one list each, so a new kind or unit is added once.

export const TASK_KINDS = ['sell_products', 'find_jobs', 'donation', 'promotion', 'study', 'volunteer', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TARGET_UNITS = ['boxes', 'orders', 'jobs', 'yuan', 'people', 'items', 'hours'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/**
 * Who a published task reaches: `org` the members under the publisher org, `tenant_mobile`
 * every mobile or lost-contact member of the county (the department's), `flow_org` the
 * members under a flow organization plus those checked in there, also from another county.
 */
export const VISIBILITIES = ['org', 'tenant_mobile', 'flow_org'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A photo as evidence: asked for only with a reason the member sees. */
export const PHOTO_RULES = ['none', 'optional', 'required'] as const;
export type PhotoRule = (typeof PHOTO_RULES)[number];

/** A study task's material. Study is recorded, never scored. */
export const STUDY_FORMATS = ['text', 'pdf', 'link'] as const;
export type StudyFormat = (typeof STUDY_FORMATS)[number];
