// No async boundary: the shell is not a plugin-built federation container. It provides the
// shared singletons from its own bundle (src/shared-modules.ts, src/federation.ts).
import './bootstrap.tsx';
