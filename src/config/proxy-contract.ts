/**
 * What the browser and the proxy agree on. The wizard sets this header on every proxy call; a page
 * on another origin cannot set it without a CORS preflight, and the proxy refuses preflights.
 */
export const APP_REQUEST_HEADER = 'x-whispir-import';
export const APP_REQUEST_HEADER_VALUE = 'wizard';

/** Set on every answer the proxy refuses itself (not Whispir), naming the rule. */
export const PROXY_REFUSED_HEADER = 'x-proxy-refused';
