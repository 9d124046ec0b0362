// The contract of every event an outbox writes: the topics and one zod schema per topic.
// A package of its own (not @tongxin/copies) because @tongxin/db's outbox checks payloads
// against it and @tongxin/copies depends on @tongxin/db; and most topics are not copies'.
export * from './topics.ts';
export * from './event-schemas.ts';
export type * from './payload-types.ts';
