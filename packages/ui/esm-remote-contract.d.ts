export declare const SHARED_GLOBAL: '__TONGXIN_SHARED__';
export declare const ESM_REMOTE_FORMAT: 'tongxin-esm-remote';
