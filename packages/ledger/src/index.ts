export * from './ledger-fields.ts';
export * from './id-card.ts';
export * from './member-input.ts';
export * from './org-kinds.ts';
export * from './id-tail-digest.ts';
export * from './task-words.ts';
export * from './compare-orgs.ts';
export * from './certificate-words.ts';
