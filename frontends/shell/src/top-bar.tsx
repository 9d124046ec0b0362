import { For, Show } from 'solid-js';
import { locale, setLocale, t } from '@tongxin/i18n';
import { Link, navigate, pathname } from './navigation.tsx';
import { logOut, session } from './session.ts';
import { allowedViews } from './views.ts';

export function TopBar() {
  const otherLocale = () => (locale() === 'zh-CN' ? 'en' : 'zh-CN');

  return (
    <header class="top-bar">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <span class="brand">{t('app.name')}</span>
      <Show when={session()}>
        {(current) => (
          <nav aria-label={t('nav.label')}>
            <ul>
              <For each={allowedViews(current())}>
                {(view) => (
                  <li>
                    <Link href={view.path} current={pathname() === view.path}>
                      {t(view.label)}
                    </Link>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        )}
      </Show>
      <div class="tools">
        {/* Named in its own language, so a reader of either can find it. */}
        <button type="button" class="secondary" lang={otherLocale()} onClick={() => void setLocale(otherLocale())}>
          {t(`language.${otherLocale()}`)}
        </button>
        <Show when={session()}>
          {(current) => <span class="who">{t('nav.signedInAs', { name: current().user.name })}</span>}
        </Show>
        <Show when={session()}>
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await logOut().catch(() => undefined);
              navigate('/login');
            }}
          >
            {t('nav.logout')}
          </button>
        </Show>
      </div>
    </header>
  );
}
