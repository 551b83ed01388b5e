/**
 * Where the wizard is connected: the label, whether it is the local sandbox, and its base URL
 * (labels only; never a secret). The server that serves the page says so in a
 * `<meta name="whispir-target">` it writes into the page as it serves it (target-meta.ts), so a
 * build made for the sandbox and served against a real account says "Whispir AU", not "Local
 * sandbox". Without that tag (unit tests, `vite preview`), the values vite.config.ts fixed at
 * build time.
 */
import { readTargetMeta } from './target-meta';

declare const __WHISPIR_TARGET_LABEL__: string;
declare const __WHISPIR_IS_SANDBOX__: boolean;
declare const __WHISPIR_TARGET_URL__: string;

const served = typeof document === 'undefined' ? undefined : readTargetMeta(document);

export const TARGET_LABEL: string = served?.label ?? __WHISPIR_TARGET_LABEL__;
export const IS_SANDBOX: boolean = served?.isSandbox ?? __WHISPIR_IS_SANDBOX__;
export const TARGET_URL: string = served?.url ?? __WHISPIR_TARGET_URL__;
