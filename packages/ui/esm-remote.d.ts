import type { Plugin } from 'vite';

export declare function esmRemote(options: { exposes: Record<string, string> }): Plugin;
