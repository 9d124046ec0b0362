export { keepRead, keptRead, type KeptRead } from './read-cache.ts';
export { accountWrites, removeWrite, saveWrite, type QueuedWrite, type WriteState } from './write-queue.ts';
export { forgetAccount } from './forget-account.ts';
export { failureAction, refusalOf, retryDelayMs, type FailureAction } from './failure.ts';
