import { render } from 'solid-js/web';
import '@tongxin/ui/styles.css';
import App from './app.tsx';

// Standalone page for developing this remote alone; in production the shell loads ./App.
render(() => <App basePath="/operator" />, document.getElementById('root')!);
