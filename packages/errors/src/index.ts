export { errorCodes, isErrorCode, type ErrorCode, type TrpcCode } from './error-codes.ts';
export { DomainError, badField, type ErrorParams, type FieldProblem, type Problem } from './domain-error.ts';
export { issueProblem, type SchemaIssue } from './issue-problem.ts';
