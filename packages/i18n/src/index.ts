export { locale, localeReady, locales, setLocale, type Locale } from './locale.ts';
export { isKnownErrorCode } from './dictionary.ts';
export { t } from './translate.ts';
export { defineMessages } from './define-messages.ts';
export { format } from './format.ts';
export type { MessageKey } from './dictionaries/zh-CN.ts';
export { errorText } from './error-text.ts';
