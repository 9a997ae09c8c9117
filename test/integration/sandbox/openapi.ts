/**
 * Loads Box's OpenAPI 3.0 description and turns its component schemas into JSON Schema that
 * ajv can run. Conversions (each is OAS 3.0 → JSON Schema, not a relaxation):
 * - `nullable: true` → also accept null; `nullable: false` → dropped.
 * - vendor formats (digest, token, timezone, urn, int32/int64...) accepted as plain strings/ints.
 * Deliberate relaxations, where the description is stricter than Box itself (documented):
 * - `oneOf` → `anyOf`: EventSourceResource lists GenericSource (any object) next to EventSource,
 *   so every real event source matches two branches and `oneOf` would reject all of them.
 * - shared_link `required` lists "accessed", a property that exists nowhere (typo for "access").
 * - ClientError.code's enum omits codes Box does send (access_denied_insufficient_permissions,
 *   rate_limit_exceeded, invalid_request_parameters, bad_gateway...).
 * - Event.additional_details is not nullable, but Box sends null for events without details.
 * - User login is format email, but Box's root folder "0" has created_by {id:"", login:""}.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const openApiPath = path.resolve(repoRoot, '../shared/reference/box-openapi.json');
export const openApiAvailable = existsSync(openApiPath);

type Node = Record<string, unknown>;

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const src = node as Node;
  const out: Node = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'nullable' || k === 'example' || k === 'discriminator' || k.startsWith('x-')) continue;
    if (k === 'oneOf') out.anyOf = convert(v);
    else if (k === 'required' && Array.isArray(v)) out.required = v.filter((r) => r !== 'accessed');
    else out[k] = convert(v);
  }
  // Box marks many fields nullable with an `allOf: [schema, {}, {nullable: true}]` member; the
  // intent is "this field may be null", so the whole field accepts null.
  const nullableMember = Array.isArray(src.allOf) && src.allOf.some((m) => (m as Node)?.nullable === true);
  if (src.nullable === true || nullableMember) {
    if (typeof out.type === 'string') {
      const t = out.type;
      out.type = [t, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

export interface Validators {
  validate(schema: string, value: unknown): string[];
}

export function loadValidators(): Validators {
  const doc = JSON.parse(readFileSync(openApiPath, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const schemas = convert(doc.components.schemas) as Record<string, Node>;
  const clientError = schemas.ClientError?.properties as Record<string, Node> | undefined;
  if (clientError?.code) delete clientError.code.enum;
  const event = schemas.Event?.properties as Record<string, Node> | undefined;
  if (event?.additional_details) event.additional_details = { anyOf: [{ type: 'null' }, event.additional_details] };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Box's root folder reports created_by/modified_by as a user with empty id, name and login.
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  ajv.addFormat('email', (x: string) => x === '' || email.test(x));
  for (const f of ['digest', 'token', 'timezone', 'urn', 'int32', 'int64', 'binary', 'id']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: 'box', components: { schemas } });
  const cache = new Map<string, ValidateFunction>();
  return {
    validate(name, value) {
      let v = cache.get(name);
      if (!v) {
        v = ajv.getSchema(`box#/components/schemas/${name}`);
        if (!v) throw new Error(`no schema ${name}`);
        cache.set(name, v);
      }
      return v(value)
        ? []
        : (v.errors ?? []).slice(0, 8).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}
