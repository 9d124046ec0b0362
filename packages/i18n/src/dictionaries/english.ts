// The English dictionaries as one lazily loaded chunk: a member reading Chinese never downloads them.
export { en as messages } from './en.ts';
export { enErrors as errors } from './errors-en.ts';
