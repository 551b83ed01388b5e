/**
 * The sandbox's JSON answers for workspaces, resources and contacts (and its error bodies)
 * validate against the schemas of Whispir's official OpenAPI spec, loaded at run time from
 * `../shared/vendor/whispir-openapi/openapi.yaml` beside the repository (never copied in).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SALES_TEAM, base64, importCsv, jsonHeaders, startTestSandbox } from './test-client.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_PATH = resolve(REPO_ROOT, '../shared/vendor/whispir-openapi/openapi.yaml');
const specMissing = !existsSync(SPEC_PATH);

type Schema = Record<string, unknown>;

/**
 * OpenAPI 3.0 semantics ajv does not know: a `writeOnly` property (a resource's `derefUri`) is
 * never in a response, so it is not required there.
 */
function forResponses(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forResponses);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = forResponses(value);
  const properties = out.properties as Record<string, Schema> | undefined;
  if (Array.isArray(out.required) && properties)
    out.required = (out.required as string[]).filter(
      (name) => properties[name]?.writeOnly !== true,
    );
  return out;
}

function loadValidators(): (name: string) => ValidateFunction {
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Schema } };
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'whispir', components: { schemas: forResponses(spec.components.schemas) } });
  return (name) => {
    const validate = ajv.getSchema(`whispir#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name} in the spec`);
    return validate;
  };
}

describe.skipIf(specMissing)('sandbox JSON against the official OpenAPI schemas', () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  let schema: (name: string) => ValidateFunction;

  beforeAll(async () => {
    schema = loadValidators();
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox?.close());

  const expectValid = (name: string, body: unknown) => {
    const validate = schema(name);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  };

  const getJson = async (path: string, entity: Parameters<typeof jsonHeaders>[0]) => {
    const response = await fetch(`${sandbox.url}${path}`, { headers: jsonHeaders(entity) });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('the validators are real: a workspace without projectName is rejected', () => {
    expect(schema('Workspace')({ id: 'X', status: 'A' })).toBe(false);
    expect(schema('ApiError')({ errorText: 'x' })).toBe(false);
  });

  it('workspaces: list, one, created', async () => {
    expectValid('WorkspaceCollection', await getJson('/workspaces', 'workspace'));
    expectValid('Workspace', await getJson(`/workspaces/${SALES_TEAM}`, 'workspace'));
    const created = await fetch(`${sandbox.url}/workspaces`, {
      method: 'POST',
      headers: jsonHeaders('workspace'),
      body: JSON.stringify({ projectName: 'Schema check', status: 'A' }),
    });
    expectValid('Workspace', await created.json());
  });

  it('resources: created, one, list', async () => {
    const created = await fetch(`${sandbox.url}/resources`, {
      method: 'POST',
      headers: jsonHeaders('resource'),
      body: JSON.stringify({
        name: 'a.json',
        scope: 'private',
        mimeType: 'application/json',
        derefUri: base64('{"contacts":[]}'),
      }),
    });
    const body = await created.json();
    expectValid('Resource', body);
    expectValid('Resource', await getJson(`/resources/${body.id}`, 'resource'));
    expectValid('ResourceCollection', await getJson('/resources', 'resource'));
  });

  it('contacts: created, one, list (including imported contacts with blank channels)', async () => {
    await importCsv(
      sandbox.url,
      'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone\nEmail,Only,e@example.com,,Australia,+10\n',
    );
    const created = await fetch(`${sandbox.url}/contacts`, {
      method: 'POST',
      headers: jsonHeaders('contact'),
      body: JSON.stringify({
        firstName: 'John',
        lastName: 'Wick',
        workEmailAddress1: 'john@example.com',
        workMobilePhone1: '61400400400',
        workCountry: 'Australia',
        timezone: 'Australia/Melbourne',
        jobTitle: 'Consultant',
      }),
    });
    const body = await created.json();
    expectValid('Contact', body);
    expectValid('Contact', await getJson(`/contacts/${body.id}`, 'contact'));
    const list = await getJson('/contacts', 'contact');
    expect(list.contacts).toHaveLength(2);
    expectValid('ContactCollection', list);
  });

  it('error bodies match ApiError', async () => {
    const responses = [
      await fetch(`${sandbox.url}/contacts/NOPE`, { headers: jsonHeaders('contact') }),
      await fetch(`${sandbox.url}/imports`, { headers: jsonHeaders('importcontact') }),
      await fetch(`${sandbox.url}/contacts`, {
        headers: { ...jsonHeaders('contact'), authorization: 'Basic eDp5' },
      }),
      await fetch(`${sandbox.url}/contacts`, {
        method: 'POST',
        headers: jsonHeaders('contact'),
        body: '{}',
      }),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 405, 401, 422]);
    for (const response of responses) expectValid('ApiError', await response.json());
  });
});

it.skipIf(!specMissing)('skips the OpenAPI check: spec not found', () => {
  console.warn(`OpenAPI spec not found at ${SPEC_PATH}; schema validation skipped.`);
});
