// Async boundary: shared modules (solid-js, i18n, api-client) are negotiated before any
// code that imports them runs.
import('./bootstrap');
