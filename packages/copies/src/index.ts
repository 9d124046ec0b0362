// Copies of roster's members and orgs and of check-ins whose grant stands, which tasks and
// scoring keep from events (no service reads another's tables; design.md, Events).
export * from './events.ts';
export * from './tables.ts';
export { copyTenant, createCopyConsumer, repathed, underMovedOrg, type CopyConsumerOptions } from './apply-copy-event.ts';
