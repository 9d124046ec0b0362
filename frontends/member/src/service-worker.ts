/**
 * The service worker that keeps the shell and this remote's build for offline use (issue 18,
 * frontends/service-worker). Registered by the member's view, once it is on screen: staff
 * who never open it download nothing for offline use, and a member's first load does not
 * compete with the precache.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') setTimeout(register, 0);
  else window.addEventListener('load', register, { once: true });
}
