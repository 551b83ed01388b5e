/** Whispir vendor media types (Part A §2 of docs/whispir-api.md). */
export const MEDIA_TYPES = {
  workspace: 'application/vnd.whispir.workspace-v1+json',
  resource: 'application/vnd.whispir.resource-v1+json',
  importContact: 'application/vnd.whispir.importcontact-v1+json',
  contact: 'application/vnd.whispir.contact-v1+json',
} as const;

/** The older import type from the seed Imports page, accepted by the sandbox as an alias. */
export const LEGACY_IMPORT_MEDIA_TYPE = 'application/vnd.whispir.import-v1+json';

/** Largest request body Whispir's gateway accepts (413 beyond). */
export const MAX_REQUEST_BYTES = 10_485_760;

/** Largest decoded resource file (422 beyond). */
export const MAX_RESOURCE_FILE_BYTES = 10 * 1024 * 1024;
