// docs/sync-openapi.json and the zod schemas in shared/sync/protocol.ts must describe the same protocol: every
// example in the document parses with the matching zod schema, and every component schema has the same property
// names, required lists and enum values as z.toJSONSchema of its zod schema. A field added on one side fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeCardNumber } from '../../shared/credentials/card-number.js';
import { RosterSchema } from '../../shared/domain/roster.js';
import { RosterChangeSchema } from '../../shared/domain/roster-change.js';
import * as protocol from '../../shared/sync/protocol.js';
import { routes } from '../src/routes.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const doc = JSON.parse(readFileSync(new URL('../../docs/sync-openapi.json', import.meta.url), 'utf8')) as JsonObject;

const zodFor: Record<string, z.ZodType> = {
  ErrorReply: protocol.ErrorReplySchema,
  HelloReply: protocol.HelloReplySchema,
  EnrollRequest: protocol.EnrollRequestSchema,
  EnrollReply: protocol.EnrollReplySchema,
  AttendanceRecord: protocol.AttendanceRecordSchema,
  LateEntry: protocol.LateEntrySchema,
  OverrideReasonRecord: protocol.OverrideReasonRecordSchema,
  AbsenceRecord: protocol.AbsenceRecordSchema,
  CorrectionRecord: protocol.CorrectionRecordSchema,
  HeadcountRecord: protocol.HeadcountRecordSchema,
  ClosingResolutionRecord: protocol.ClosingResolutionRecordSchema,
  CertificateCheckRecord: protocol.CertificateCheckRecordSchema,
  NeverComeCountRecord: protocol.NeverComeCountRecordSchema,
  CredentialChangeRecord: protocol.CredentialChangeRecordSchema,
  RosterChange: RosterChangeSchema,
  RosterChangeRecord: protocol.RosterChangeRecordSchema,
  SyncRecord: protocol.SyncRecordSchema,
  ChainHead: protocol.ChainHeadSchema,
  PushRequest: protocol.PushRequestSchema,
  PushResult: protocol.PushResultSchema,
  PushReply: protocol.PushReplySchema,
  MissingRequest: protocol.MissingRequestSchema,
  MissingReply: protocol.MissingReplySchema,
  CityKey: protocol.CityKeySchema,
  CitySettings: protocol.CitySettingsSchema,
  Group: RosterSchema.shape.groups.element,
  Child: RosterSchema.shape.children.element,
  Companion: RosterSchema.shape.companions.element,
  Link: RosterSchema.shape.links.element,
  Credential: RosterSchema.shape.credentials.element,
  Staff: RosterSchema.shape.staff.element,
  RosterSnapshot: protocol.RosterSnapshotSchema,
  RosterDelta: protocol.RosterDeltaSchema,
  RosterReply: protocol.RosterReplySchema,
  PeersReply: protocol.PeersReplySchema,
  ChainPageReply: protocol.ChainPageReplySchema,
};

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: Json | undefined, ...keys: string[]): Json | undefined =>
  keys.reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), value);
const components = (kind: string): JsonObject => {
  const found = at(doc, 'components', kind);
  return isObject(found) ? found : {};
};

/** The part of a schema the comparison cares about: property names, required lists, enum values, nesting, nullability. */
type Shape =
  | { kind: 'object'; properties: Record<string, Shape>; required: string[]; nullable: boolean }
  | { kind: 'array'; items: Shape; nullable: boolean }
  | { kind: 'enum'; values: Json[]; nullable: boolean }
  | { kind: 'union'; options: Shape[]; nullable: boolean }
  | { kind: 'scalar'; type: string; nullable: boolean };

function shapeOf(schema: Json | undefined, refs: JsonObject): Shape {
  if (!isObject(schema)) throw new Error(`not a schema: ${JSON.stringify(schema)}`);
  const ref = schema.$ref;
  if (typeof ref === 'string') return shapeOf(refs[ref.replace('#/components/schemas/', '')], refs);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) {
    const nonNull = alternatives.filter((option) => !(isObject(option) && option.type === 'null'));
    const nullable = nonNull.length < alternatives.length;
    if (nonNull.length === 1) return { ...shapeOf(nonNull[0], refs), nullable };
    const options = nonNull.map((option) => shapeOf(option, refs)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return { kind: 'union', options, nullable };
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const nullable = types.includes('null');
  const type = types.find((t) => t !== 'null');
  if (schema.const !== undefined) return { kind: 'enum', values: [schema.const], nullable };
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: [...schema.enum].sort(), nullable };
  if (type === 'object' || isObject(schema.properties)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    return {
      kind: 'object',
      properties: Object.fromEntries(Object.keys(properties).sort().map((key) => [key, shapeOf(properties[key], refs)])),
      required: Array.isArray(schema.required) ? schema.required.map(String).sort() : [],
      nullable,
    };
  }
  if (type === 'array') return { kind: 'array', items: shapeOf(schema.items, refs), nullable };
  return { kind: 'scalar', type: typeof type === 'string' ? type : JSON.stringify(type), nullable };
}

interface Example {
  where: string;
  schemaName: string;
  value: Json | undefined;
}

/** Every example of every request body and reply, with the component its media type names. */
function examples(): { found: Example[]; withoutExamples: string[] } {
  const found: Example[] = [];
  const withoutExamples: string[] = [];
  const responses = components('responses');
  const paths = at(doc, 'paths');
  for (const [path, item] of Object.entries(isObject(paths) ? paths : {})) {
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      const bodies: [string, Json | undefined][] = [[`${method} ${path} request`, at(operation, 'requestBody')]];
      const operationResponses = at(operation, 'responses');
      for (const [status, response] of Object.entries(isObject(operationResponses) ? operationResponses : {})) {
        const ref = at(response, '$ref');
        bodies.push([`${method} ${path} ${status}`, typeof ref === 'string' ? responses[ref.replace('#/components/responses/', '')] : response]);
      }
      for (const [where, body] of bodies) {
        const media = at(body, 'content', 'application/json');
        if (body === undefined || media === undefined) continue;
        const schemaRef = at(media, 'schema', '$ref');
        const schemaName = typeof schemaRef === 'string' ? schemaRef.replace('#/components/schemas/', '') : '(no $ref)';
        const named = at(media, 'examples');
        const list = isObject(named) ? Object.entries(named).map(([key, example]) => [key, at(example, 'value')] as const) : [];
        if (list.length === 0) withoutExamples.push(where);
        for (const [key, value] of list) found.push({ where: `${where} (${key})`, schemaName, value });
      }
    }
  }
  return { found, withoutExamples };
}

describe('docs/sync-openapi.json against shared/sync/protocol.ts', () => {
  it('is OpenAPI 3.1 for protocol version 1, with the protocol header', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(at(doc, 'info', 'version')).toBe(String(protocol.PROTOCOL_VERSION));
    expect(at(doc, 'components', 'parameters', 'EsikProtocol', 'name')).toBe(protocol.PROTOCOL_HEADER);
    expect(at(doc, 'components', 'parameters', 'EsikProtocol', 'schema', 'const')).toBe(String(protocol.PROTOCOL_VERSION));
  });

  it('documents exactly the endpoints the protocol and the reference server have', () => {
    const documented = Object.entries(at(doc, 'paths') as JsonObject).flatMap(([path, item]) => Object.keys(item as JsonObject).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect([...new Set(routes.map((r) => r.path))].sort()).toEqual(Object.values(protocol.PATHS).sort());
  });

  it('has an example for every request body and every reply', () => {
    const { found, withoutExamples } = examples();
    expect(withoutExamples).toEqual([]);
    expect(found.length).toBeGreaterThan(20);
  });

  it('has examples that all parse with the matching zod schema', () => {
    const failures = examples().found.flatMap(({ where, schemaName, value }) => {
      const schema = zodFor[schemaName];
      if (!schema) return [`${where}: no zod schema for ${schemaName}`];
      const parsed = schema.safeParse(value);
      return parsed.success ? [] : [`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('writes every card number in its examples as the canonical number a reader gives (docs/card-numbers.md)', () => {
    // A city that copies an example must not get a card that never matches a tap ("0004512345" is 4512345 at the door).
    const cards: string[] = [];
    const walk = (node: Json): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!isObject(node)) return;
      if (node.kind === 'rfid' && typeof node.value === 'string') cards.push(node.value);
      Object.values(node).forEach(walk);
    };
    for (const { value } of examples().found) if (value !== undefined) walk(value);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.filter((value) => normalizeCardNumber(value, 'canonical')?.canonical !== value)).toEqual([]);
  });

  it('has one component schema per zod schema, and no other', () => {
    expect(Object.keys(components('schemas')).sort()).toEqual(Object.keys(zodFor).sort());
  });

  it.each(Object.keys(zodFor))('component %s has the zod schema’s property names, required lists and enum values', (name) => {
    const refs = components('schemas');
    const fromDoc = shapeOf(refs[name], refs);
    const fromZod = shapeOf(z.toJSONSchema(zodFor[name] ?? z.never()) as Json, {});
    expect(fromDoc).toEqual(fromZod);
  });

  it('notices a property added on one side only (the comparison itself works)', () => {
    const refs = components('schemas');
    const widened: JsonObject = { ...refs, ChainHead: { ...(refs.ChainHead as JsonObject), properties: { ...(at(refs, 'ChainHead', 'properties') as JsonObject), extra: { type: 'string' } } } };
    const fromZod = shapeOf(z.toJSONSchema(protocol.PushReplySchema) as Json, {});
    expect(shapeOf(refs.PushReply, refs)).toEqual(fromZod);
    expect(shapeOf(widened.PushReply, widened)).not.toEqual(fromZod);
    const narrowedEnum = z.object({ kind: z.enum(['arrival']) });
    expect(shapeOf(z.toJSONSchema(narrowedEnum) as Json, {})).not.toEqual(shapeOf({ type: 'object', properties: { kind: { type: 'string', enum: ['arrival', 'departure'] } } }, {}));
  });
});
