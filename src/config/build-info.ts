/** Values fixed at build time by vite.config.ts (labels only; never a secret). */
declare const __WHISPIR_TARGET_LABEL__: string;
declare const __WHISPIR_IS_SANDBOX__: boolean;
declare const __WHISPIR_TARGET_URL__: string;

export const TARGET_LABEL: string = __WHISPIR_TARGET_LABEL__;
export const IS_SANDBOX: boolean = __WHISPIR_IS_SANDBOX__;
export const TARGET_URL: string = __WHISPIR_TARGET_URL__;
