import type { ErrorCode } from '@tongxin/errors';
import { zhCNErrors } from './dictionaries/errors-zh-CN.ts';
import { zhCN, type MessageKey } from './dictionaries/zh-CN.ts';

/** One language's words: the UI's messages and every error code. */
export interface Dictionary {
  messages: Record<MessageKey, string>;
  errors: Record<ErrorCode, string>;
}

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

// Chinese, the default and the reference, is in the first load; every other language is a
// chunk fetched when it is chosen (`setLocale` waits for it), so the locale signal never
// names a language whose words are not here yet.
const loaded: Partial<Record<Locale, Dictionary>> = { 'zh-CN': { messages: zhCN, errors: zhCNErrors } };
const loaders: Record<Exclude<Locale, 'zh-CN'>, () => Promise<Dictionary>> = {
  en: () => import('./dictionaries/english.ts'),
};

export async function loadDictionary(value: Locale): Promise<void> {
  if (value !== 'zh-CN') loaded[value] ??= await loaders[value]();
}

export function dictionary(value: Locale): Dictionary {
  return loaded[value] ?? loaded['zh-CN']!;
}

/** A code the dictionaries have words for (every `ErrorCode`: the reference is exhaustive). */
export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(zhCNErrors, code);
}
