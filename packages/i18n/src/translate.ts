import type { MessageKey } from './dictionaries/zh-CN.ts';
import { dictionary } from './dictionary.ts';
import { locale } from './locale.ts';

/** The message for `key` in the current language, with `{name}` placeholders filled. Reactive. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionary(locale()).messages[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
