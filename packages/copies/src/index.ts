// Copies of roster's members and orgs, of check-ins whose grant stands and of identity's
// secretary seats, which the services keep from events (no service reads another's tables; design.md, Events).
export * from './events.ts';
export * from './tables.ts';
export * from './seats.ts';
export { applyCityGrantChanged, cityGrantCopyTable, createCityGrantConsumer, type CityGrantCopyTable } from './city-grants.ts';
export { copyTenant, createCopyConsumer, createSeatsConsumer, repathed, underMovedOrg, type CopyConsumerOptions } from './apply-copy-event.ts';
export { findCopiedOrg } from './find-copied-org.ts';
