import { locale, type Locale } from './locale.ts';

/**
 * A dictionary that belongs to one frontend: the secretary's hundreds of labels stay out
 * of the member's first load. zh-CN is the reference; English must have the same keys.
 */
export function defineMessages<const Z extends Record<string, string>>(zhCN: Z, en: Record<keyof Z, string>) {
  const dictionaries: Record<Locale, Record<keyof Z, string>> = { 'zh-CN': zhCN, en };
  return function t(key: keyof Z, params?: Record<string, string | number>): string {
    const text = dictionaries[locale()][key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
