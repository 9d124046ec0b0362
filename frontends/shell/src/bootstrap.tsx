import '@tongxin/ui/styles.css';
import { localeReady } from '@tongxin/i18n';
import { render } from 'solid-js/web';
import { App } from './app.tsx';

// After the saved language's words (at once for Chinese; English is a chunk of its own).
void localeReady.then(() => render(() => <App />, document.getElementById('root')!));
