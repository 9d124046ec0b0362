import type { JSX } from 'solid-js';

/**
 * Member actions are tapped on a 360-px phone: full width and at least 48 px high (the
 * usual touch-target minimum; the shared button is 40 px). Inline, since remotes bring no CSS.
 */
export const bigButton: JSX.CSSProperties = { width: '100%', 'min-height': '3rem' };
