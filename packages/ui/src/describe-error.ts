import { issueProblem, type SchemaIssue } from '@tongxin/errors';
import { errorKind, errorReason, fieldErrors } from '@tongxin/api-client';
import { errorText, isKnownErrorCode, t } from '@tongxin/i18n';

/** The readable message for any failed call, in the current language: what kind of failure it was. */
export function describeError(error: unknown): string {
  return t(`error.${errorKind(error)}`);
}

/**
 * The one reading of a failed call's codes (`error.data`): each named field's problem in the
 * current language, keyed by the input's dotted path, for the form to show beside its field.
 */
export function fieldMessages(error: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors(error)).map(([field, problem]) => [field, errorText(problem.code, problem.params)]));
}

/**
 * The page's message for a failed call: its domain code in words when the server gave one
 * (not a field's, which `fieldMessages` shows), else what kind of failure it was.
 */
export function problemMessage(error: unknown): string {
  const reason = errorReason(error);
  if (!reason || reason.code === 'invalid_input') return describeError(error);
  const fields = Object.values(fieldErrors(error));
  return fields.length > 0 ? fields.map((problem) => errorText(problem.code, problem.params)).join('；') : errorText(reason.code, reason.params);
}

/** A form's own schema check before sending (zod issues), in the same words as the server's answer. */
export function issueMessages(issues: readonly SchemaIssue[] & readonly { path: readonly PropertyKey[] }[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    const problem = issueProblem(issue, isKnownErrorCode);
    messages[issue.path.map(String).join('.') || '(input)'] ??= errorText(problem.code, problem.params);
  }
  return messages;
}
