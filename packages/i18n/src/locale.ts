import { createSignal } from 'solid-js';
import { loadDictionary, locales, type Locale } from './dictionary.ts';

export { locales, type Locale };

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
// every remote read and set the same locale. It starts in Chinese, whose words are always
// here, and moves to a saved other language once that language's words have arrived.
const [locale, setLocaleSignal] = createSignal<Locale>('zh-CN');

function applyToDocument(value: Locale) {
  // Only when it differs: setting it restyles the page, and the page starts in Chinese.
  if (typeof document !== 'undefined' && document.documentElement.lang !== value) document.documentElement.lang = value;
}

export { locale };

/** Switches the language once its words are loaded (at once for Chinese). */
export async function setLocale(value: Locale): Promise<void> {
  await loadDictionary(value);
  setLocaleSignal(value);
  applyToDocument(value);
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    // Not persisted, still applied for this page.
  }
}

/**
 * The saved language, ready: the shell renders after it so an English reader never sees a
 * Chinese first paint. Nothing is written back: it is what storage already holds.
 */
export const localeReady: Promise<void> = (async () => {
  const saved = storedLocale();
  if (saved !== locale()) {
    await loadDictionary(saved);
    setLocaleSignal(saved);
  }
  applyToDocument(saved);
})().catch(() => undefined);
