import type { federation } from '@module-federation/vite';

type FederationOptions = Parameters<typeof federation>[0];

export interface HostShare {
  version: string;
  shareConfig: { singleton: boolean; requiredVersion: string; eager: boolean };
}

export declare const shared: Record<string, { singleton: boolean; requiredVersion: string }>;
export declare const hostRuntimeDefines: Record<string, string>;
export declare function hostShared(fromDir: string): Record<string, HostShare>;
export declare function remoteFederation(name: string, env: { command: 'build' | 'serve' }): FederationOptions;
