import type { federation } from '@module-federation/vite';

type FederationOptions = Parameters<typeof federation>[0];

export declare const shared: NonNullable<FederationOptions['shared']>;
export declare function hostFederation(name: string): FederationOptions;
export declare function remoteFederation(name: string): FederationOptions;
