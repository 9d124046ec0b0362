// The standalone page under `npx vite` (the build emits only remoteEntry.js: vite.config.ts).
import('./bootstrap');
