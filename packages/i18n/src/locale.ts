import { createSignal } from 'solid-js';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'tongxin.locale';

function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Storage can be blocked (private mode, policy): fall back to the default language.
  }
  return 'zh-CN';
}

// One signal for the whole page: this package is a federation singleton, so the shell and
// every remote read and set the same locale.
const [locale, setLocaleSignal] = createSignal<Locale>(storedLocale());

function applyToDocument(value: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = value;
}
applyToDocument(locale());

export { locale };

export function setLocale(value: Locale) {
  setLocaleSignal(value);
  applyToDocument(value);
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    // Not persisted, still applied for this page.
  }
}
