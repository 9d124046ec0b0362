export { describeError, fieldMessages, issueMessages, problemMessage } from './describe-error.ts';
export { ErrorNotice } from './error-notice.tsx';
export { Loading } from './loading.tsx';
export type { RemoteAppProps } from './remote-app-props.ts';
export { createAttemptKeys, newIdempotencyKey } from './idempotency-key.ts';
export { createAction } from './create-action.ts';
export { ResourceList } from './resource-list.tsx';
export { OptionalMark } from './optional-mark.tsx';
export { saveFile } from './save-file.ts';
