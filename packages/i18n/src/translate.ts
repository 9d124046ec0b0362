import { en } from './dictionaries/en.ts';
import { zhCN, type MessageKey } from './dictionaries/zh-CN.ts';
import { locale, type Locale } from './locale.ts';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The message for `key` in the current language, with `{name}` placeholders filled. Reactive. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale()][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
