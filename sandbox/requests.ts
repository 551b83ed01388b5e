/**
 * Validation of request bodies (already parsed from JSON or XML) for the endpoints in scope.
 * A problem names the offending field in `errorText`, as Whispir's 422 does (Part B §6.2).
 */
import { isContactFieldKey, REQUIRED_MAPPING_KEYS } from '../src/domain/whispir/contact-fields.ts';
import { IMPORT_MODES, type ImportMode } from '../src/domain/whispir/import-modes.ts';
import { decodeBase64, isImportableMimeType, resourceFileProblem } from './resource-files.ts';
import type { ContactFields } from './store.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; errorText: string };

const fail = (errorText: string): { ok: false; errorText: string } => ({ ok: false, errorText });

const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;

const missing = (body: Record<string, unknown>, keys: readonly string[]) =>
  keys.filter((key) => !text(body[key])?.trim());

const requiredProblem = (fields: string[]) =>
  fail(`Required field${fields.length > 1 ? 's' : ''} missing: ${fields.join(', ')}`);

export interface ResourceRequest {
  readonly name: string;
  readonly scope: 'private' | 'public';
  readonly mimeType: string;
  readonly content: Buffer;
}

/**
 * POST and PUT /resources: all four fields, scope, mime type, base64, size, file validity. The
 * server runs it on its file worker (`file-worker.ts`): decoding and checking a 10 MB file takes
 * hundreds of milliseconds.
 */
export function checkResourceRequest(
  body: Record<string, unknown>,
  maxFileBytes: number,
): Checked<ResourceRequest> {
  const absent = missing(body, ['name', 'scope', 'mimeType', 'derefUri']);
  if (absent.length) return requiredProblem(absent);
  const scope = String(text(body.scope)).trim().toLowerCase();
  if (scope !== 'private' && scope !== 'public')
    return fail('scope: must be either private or public');
  const mimeType = String(text(body.mimeType)).trim();
  if (scope === 'private' && !isImportableMimeType(mimeType))
    return fail('mimeType: Only text/csv, application/xml, application/json are supported');
  const content = decodeBase64(String(text(body.derefUri)));
  if (!content) return fail('derefUri: the value is not valid base64');
  if (content.length > maxFileBytes)
    return fail(`derefUri: The POST request entity exceeds allowed size (${maxFileBytes} bytes)`);
  if (isImportableMimeType(mimeType)) {
    const problem = resourceFileProblem(content, mimeType.toLowerCase() as typeof mimeType);
    if (problem)
      return fail(`derefUri: An error occurred when processing entity in the request: ${problem}`);
  }
  return { ok: true, value: { name: String(text(body.name)).trim(), scope, mimeType, content } };
}

/** Spellings found in Whispir's own docs for two catalogue fields (Part B §5.3). */
const LEGACY_FIELD_KEYS: Readonly<Record<string, string>> = {
  workSetellitePhone: 'workSatellitePhone',
  WorkOtherPhone: 'workOtherPhone',
};

/** A catalogue field key for `key`, a `custom_*` key as is, or `undefined` when neither. */
export function contactFieldKey(key: string): string | undefined {
  const known = LEGACY_FIELD_KEYS[key] ?? key;
  if (isContactFieldKey(known)) return known;
  return /^custom_[A-Za-z0-9_]+$/.test(key) ? key : undefined;
}

export interface ImportRequest {
  readonly resourceId: string;
  readonly importMode: ImportMode;
  readonly fieldMapping: Record<string, string>;
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * POST /imports. `importMode` is read from `importOptions` first, then the top level (Part A §1);
 * the resource itself is checked by the route, which knows the workspace.
 */
export function checkImportRequest(body: Record<string, unknown>): Checked<ImportRequest> {
  const resourceId = text(body.resourceId)?.trim();
  if (!resourceId) return requiredProblem(['resourceId']);
  const importType = text(body.importType)?.trim();
  if (!importType) return requiredProblem(['importType']);
  if (importType.toLowerCase() !== 'contact')
    return fail(`importType: "${importType}" is not supported; the only importType is contact`);
  const options = asObject(body.importOptions);
  if (!options) return requiredProblem(['importOptions']);
  const mapping = asObject(options.fieldMapping);
  if (!mapping) return requiredProblem(['importOptions.fieldMapping']);

  const fieldMapping: Record<string, string> = {};
  for (const [key, value] of Object.entries(mapping)) {
    const field = contactFieldKey(key);
    if (!field) return fail(`fieldMapping.${key}: ${key} is not a valid contact field`);
    const column = text(value);
    if (column === undefined) return fail(`fieldMapping.${key}: the column name must be a string`);
    fieldMapping[field] = column;
  }
  const unmapped = REQUIRED_MAPPING_KEYS.filter((key) => !fieldMapping[key]?.trim());
  if (unmapped.length) return requiredProblem(unmapped.map((key) => `fieldMapping.${key}`));

  const importMode = text(options.importMode ?? body.importMode)?.trim();
  if (!importMode) return requiredProblem(['importMode']);
  const mode = IMPORT_MODES.find((m) => m === importMode.toLowerCase());
  if (!mode) return fail(`importMode: "${importMode}" must be one of ${IMPORT_MODES.join(', ')}`);
  return { ok: true, value: { resourceId, importMode: mode, fieldMapping } };
}

/** Mandatory fields of `POST /contacts` (OpenAPI `Contact.required`). */
export const CONTACT_REQUIRED_KEYS = [
  'firstName',
  'lastName',
  'workEmailAddress1',
  'workMobilePhone1',
  'workCountry',
  'timezone',
] as const;

/**
 * POST and PUT /contacts: the catalogue and `custom_*` fields of the body (read-only and
 * unknown properties are ignored), with the six mandatory ones present.
 */
export function checkContactRequest(body: Record<string, unknown>): Checked<ContactFields> {
  const fields: ContactFields = {};
  for (const [key, value] of Object.entries(body)) {
    const field = contactFieldKey(key);
    const fieldText = text(value)?.trim();
    if (field && fieldText) fields[field] = fieldText;
  }
  const absent = CONTACT_REQUIRED_KEYS.filter((key) => !fields[key]);
  if (absent.length) return requiredProblem([...absent]);
  if (fields.status && fields.status !== 'A' && fields.status !== 'D')
    return fail('status: must be A (active) or D (disabled)');
  return { ok: true, value: fields };
}

export interface WorkspaceRequest {
  readonly projectName: string;
  readonly projectNumber: string;
  readonly status: string;
  readonly billingcostcentre: string;
}

/** POST /workspaces: `projectName` required; `status` A or D (default A). */
export function checkWorkspaceRequest(body: Record<string, unknown>): Checked<WorkspaceRequest> {
  const projectName = text(body.projectName)?.trim();
  if (!projectName) return requiredProblem(['projectName']);
  const status = (text(body.status)?.trim() || 'A').toUpperCase();
  if (status !== 'A' && status !== 'D') return fail('status: must be A (active) or D (disabled)');
  return {
    ok: true,
    value: {
      projectName,
      projectNumber: text(body.projectNumber)?.trim() ?? '',
      status,
      billingcostcentre: text(body.billingcostcentre)?.trim() ?? '',
    },
  };
}
