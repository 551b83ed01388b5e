/**
 * How the sandbox's records look on the wire (JSON shape; xml.ts writes the same objects as
 * XML): ids, fields and HATEOAS `link` arrays (Part B §1.4).
 */
import { CONTACT_REQUIRED_KEYS } from './requests.ts';
import type { ContactRecord, ImportRecord, ResourceMeta, WorkspaceRecord } from './store.ts';
import { vendorType, type Entity } from './wire.ts';
import type { Link, WireObject } from './xml.ts';

const both = (entity: Entity) => `${vendorType(entity, 'json')},${vendorType(entity, 'xml')}`;

export function workspaceBody(origin: string, workspace: WorkspaceRecord): WireObject {
  const self = `${origin}/workspaces/${workspace.id}`;
  const link: Link[] = [
    { uri: self, rel: 'self', method: 'GET' },
    { uri: `${self}/contacts`, rel: 'retrieveContacts', method: 'GET' },
    { uri: `${self}/resources`, rel: 'createResource', method: 'POST', type: both('resource') },
    { uri: `${self}/imports`, rel: 'createImport', method: 'POST', type: both('importcontact') },
  ];
  return {
    id: workspace.id,
    projectName: workspace.projectName,
    projectNumber: workspace.projectNumber,
    status: workspace.status,
    billingcostcentre: workspace.billingcostcentre,
    link: link.map((l) => ({ ...l })),
  };
}

/** `base` is the origin plus the path's workspace prefix, so links follow the caller's style. */
export function resourceBody(base: string, resource: ResourceMeta, full: boolean): WireObject {
  const self = `${base}/resources/${resource.id}`;
  const link: Link[] = full
    ? [
        { uri: self, rel: 'self', method: 'GET' },
        { uri: self, rel: 'updateResource', method: 'PUT', type: both('resource') },
        { uri: self, rel: 'deleteResource', method: 'DELETE' },
      ]
    : [{ uri: self, rel: 'self', method: 'GET' }];
  const origin = new URL(base).origin;
  return {
    id: resource.id,
    name: resource.name,
    scope: resource.scope,
    mimeType: resource.mimeType,
    ...(resource.scope === 'public'
      ? {
          url: `${origin}/__sandbox/public/resources/${resource.id}/${encodeURIComponent(resource.name)}`,
        }
      : {}),
    link: link.map((l) => ({ ...l })),
  };
}

export interface ContactView {
  /** Extra fields to include even when blank (`fields=a,b`). */
  readonly fields: readonly string[];
  /** Include `custom_*` fields (`customFields=true`). */
  readonly customFields: boolean;
}

const whispirTime = (iso: string) => iso.replace(/\.\d{3}Z$/, '+00:00');

/**
 * A contact: its non-empty fields, the six mandatory ones always present (blank when unset) so
 * every item satisfies the published `Contact` schema, plus read-only `id`, `status` and links.
 */
export function contactBody(
  base: string,
  contact: ContactRecord,
  workspace: WorkspaceRecord,
  view: ContactView,
): WireObject {
  const self = `${base}/contacts/${contact.id}`;
  const fields: WireObject = {};
  for (const key of CONTACT_REQUIRED_KEYS) fields[key] = '';
  for (const key of view.fields) fields[key] = '';
  for (const [key, value] of Object.entries(contact.fields))
    if (view.customFields || !key.startsWith('custom_') || view.fields.includes(key))
      fields[key] = value;
  return {
    id: contact.id,
    ...fields,
    status: contact.fields.status ?? 'A',
    type: workspace.isDefault ? 'COMPANY' : 'PROJECT',
    lastModifiedTime: whispirTime(contact.modifiedAt),
    messagingoptions: [],
    link: [
      { uri: self, rel: 'self', method: 'GET' },
      { uri: self, rel: 'updateContact', method: 'PUT', type: both('contact') },
      { uri: self, rel: 'deleteContact', method: 'DELETE' },
    ],
  };
}

/** The sandbox-only import status (Part A §10). */
export function importStatusBody(
  record: ImportRecord,
  workspaceName: string,
  failures: readonly { row: number; reason: string }[],
) {
  return {
    id: record.id,
    workspaceId: record.workspaceId,
    workspaceName,
    resourceId: record.resourceId,
    importMode: record.importMode,
    fieldMapping: record.fieldMapping,
    state: record.state,
    rows: record.rows,
    failures,
    error: record.error,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
  };
}
