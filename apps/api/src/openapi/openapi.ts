import { type INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { allows, permissionFor } from '../auth/access-policy';
import { ROLES } from '../auth/api-keys';
import { DEMO_WRITES } from '../demo/demo-records';

/** Name of the security scheme: `Authorization: Bearer <API key>`. */
export const BEARER = 'bearer';

const PROBLEM_JSON = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation of the document, where it is. */
export interface DocumentedOperation {
  path: string;
  method: (typeof METHODS)[number];
  operation: OperationObject;
}

/** Every operation of `document`, in document order. */
export function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
}

/**
 * The OpenAPI document of `app`, served at `/docs-json` and checked in as `openapi.json`
 * (`npm run openapi`). Bodies, parameters and 2xx schemas come from the DTO and response
 * classes (the @nestjs/swagger plugin reads their types, class-validator rules and doc
 * comments); what every route of a kind shares is added here from the route's method, path
 * and access policy, so no list of routes is kept: the bearer requirement, `X-Correlation-Id`,
 * `Idempotency-Key`, `ETag`, and the problem+json errors of authentication, limits,
 * idempotency and a full disk. A route's own errors are its `@ApiProblems`.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('US–China policy tracker')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description:
          'An opaque API key (`cli keys create`), not a JWT. Its role decides what it may do: `viewer` reads; ' +
          '`analyst` reads and writes; `auditor` reads and audits; `admin` does everything.',
      },
      BEARER,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Resolved by `nameOperations` once every operation is known.
    operationIdFactory: (controller, method) => `${controller}.${method}`,
  });
  answerWithRealStatus(document, successStatuses(app));
  return completeDocument(document);
}

/** The status each handler answers with when it succeeds (`@HttpCode`, else Nest's 201 for POST, 200 otherwise). */
function successStatuses(app: INestApplication): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: Record<string, unknown> } | null)?.prototype;
      if (!metatype || !prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) continue;
        const code: number | undefined = Reflect.getMetadata(HTTP_CODE_METADATA, handler);
        statuses.set(`${metatype.name}.${name}`, code ?? (method === RequestMethod.POST ? 201 : 200));
      }
    }
  }
  return statuses;
}

/**
 * The plugin guesses a handler's success status from the decorators written on it (`@Post`,
 * `@HttpCode`), so a composed one (`@WriteRoute`) gets a `200` beside its declared `201`:
 * the status Nest answers with is kept, with the guessed schema when none was declared.
 */
function answerWithRealStatus(document: OpenAPIObject, statuses: Map<string, number>): void {
  for (const { operation } of operationsOf(document)) {
    const status = statuses.get(operation.operationId!);
    if (status === undefined) continue;
    const successes = Object.keys(operation.responses).filter((key) => /^2\d\d$/.test(key));
    const kept = operation.responses[status] ?? operation.responses[successes[0]];
    for (const key of successes) delete operation.responses[key];
    if (kept) operation.responses[status] = kept;
  }
}

const DESCRIPTION = [
  'Event-sourced log of statements, listings, policy actions, diplomatic engagements and escalation signals ' +
    'between the United States and China, with timelines, a feed and an audit trail over it.',
  '',
  '- **Writes** append events; nothing is edited or deleted. Each answers `201` with the stream revision as ' +
    '`ETag`; a write to an existing record may send it back as `If-Match` (`412` if the record moved on).',
  '- **`Idempotency-Key`** on any `POST`: a retry with the same key and body returns the first answer ' +
    '(`Idempotent-Replayed: true`) and appends nothing.',
  '- **`asOf`** on every `GET`: the answer as the system knew it at that recorded time. Lists are paged by ' +
    "`cursor` (the previous page's `nextCursor`).",
  '- **Errors** are `application/problem+json` (RFC 9457); `errors` names the offending fields. Besides those ' +
    'each operation lists, any request may be refused before it reaches a route: `408` (not received within ' +
    '`HEADERS_TIMEOUT_MS` / `REQUEST_TIMEOUT_MS`), `431` (request line and headers too large), and `500` ' +
    'on an unexpected failure.',
  '- **`X-Correlation-Id`** (up to 128 of `A-Z a-z 0-9 _ . : -`) is echoed on every answer and stored in the ' +
    'metadata of the events the request appends; without one, or with another, the server makes one up.',
].join('\n');

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An RFC 9457 problem document.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'Always `about:blank`: `status` and `code` tell problems apart.' },
    title: { type: 'string', description: 'Short summary of the problem.' },
    status: { type: 'integer', description: 'The HTTP status code.' },
    detail: { type: 'string', description: 'What happened, for a person to read.' },
    code: {
      type: 'string',
      description: 'Machine-readable cause, e.g. `revision-mismatch`, `storage-full`, or a domain rule.',
    },
    errors: {
      type: 'array',
      description: 'The offending fields of an invalid input (400).',
      items: {
        type: 'object',
        required: ['field', 'messages'],
        properties: {
          field: { type: 'string', description: 'Dotted path into the body, or a query parameter or header name.' },
          messages: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    expectedRevision: { type: 'string', description: 'The revision the write expected (409 concurrency, 412).' },
    actualRevision: { type: 'string', description: 'The revision the record is at (409 concurrency, 412).' },
  },
  additionalProperties: true,
} as const;

const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}) => ({
  type: 'about:blank',
  title,
  status,
  detail,
  ...extra,
});

/** An example answer per status, as the server words it. */
const PROBLEM_EXAMPLES: Readonly<Record<number, Record<string, unknown>>> = {
  400: problem(400, 'Invalid input', 'Invalid input: occurredAt', {
    errors: [
      {
        field: 'occurredAt',
        messages: [
          'occurredAt must be a date as YYYY-MM-DD or a date-time with a time zone (e.g. 2024-05-20T06:00:00+08:00)',
        ],
      },
    ],
  }),
  401: problem(
    401,
    'A valid API key is required: Authorization: Bearer <key>',
    'A valid API key is required: Authorization: Bearer <key>',
  ),
  403: problem(
    403,
    'Role viewer may not write (POST /v1/statements)',
    'Role viewer may not write (POST /v1/statements)',
  ),
  404: problem(404, 'not-found', 'No record has this id', { code: 'not-found' }),
  409: problem(409, 'Concurrent write', 'The record changed while this request was handled; reload and retry.', {
    code: 'concurrency',
    expectedRevision: '2',
    actualRevision: '3',
  }),
  412: problem(412, 'Precondition failed', 'If-Match names a revision the record is not at; reload and retry.', {
    code: 'revision-mismatch',
    expectedRevision: '1',
    actualRevision: '2',
  }),
  413: problem(413, 'Payload Too Large', 'Request body is too large'),
  414: problem(414, 'URI Too Long', 'Path parameter is longer than 100 characters'),
  415: problem(415, 'Unsupported Media Type', 'Unsupported Media Type: application/xml'),
  422: problem(
    422,
    'This Idempotency-Key was used with a different request body',
    'This Idempotency-Key was used with a different request body',
  ),
  429: problem(429, 'ThrottlerException: Too Many Requests', 'ThrottlerException: Too Many Requests'),
  503: problem(
    503,
    'Service Unavailable',
    'The server already holds its 1000 open connections (MAX_CONNECTIONS); retry shortly.',
    { code: 'connection-limit' },
  ),
  507: problem(507, 'Insufficient Storage', 'The event store has no space left; nothing was recorded.', {
    code: 'storage-full',
  }),
};

const HEADERS: Readonly<Record<string, HeaderObject>> = {
  'X-Correlation-Id': {
    description: "This request's correlation id: the client's `X-Correlation-Id` when valid, else a new UUID.",
    schema: { type: 'string', example: 'demo-load' },
  },
  ETag: {
    description: 'The stream revision after the write, e.g. `"3"`: send it as `If-Match` with the next change.',
    schema: { type: 'string', example: '"3"' },
  },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.',
    schema: { type: 'string', enum: ['true'] },
  },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', example: 1 } },
  'WWW-Authenticate': { description: 'The scheme to authenticate with.', schema: { type: 'string' } },
};

const header = (name: keyof typeof HEADERS): ReferenceObject => ({ $ref: `#/components/headers/${name}` });

const PARAMETERS: Readonly<Record<string, ParameterObject>> = {
  CorrelationId: {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description:
      'Ties the request, its log lines and the events it appends together; echoed on the answer. ' +
      'Anything but 1–128 of `A-Z a-z 0-9 _ . : -` is replaced by a new UUID.',
    schema: { type: 'string', pattern: '^[\\w.:-]{1,128}$', example: 'import-2024-05-20' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes the request safe to retry: the same key with the same body returns the first answer and appends ' +
      'nothing (kept for `IDEMPOTENCY_TTL_HOURS`); 1–200 visible ASCII characters.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$', example: 'c1f9a8e2-7d1b-4b8e-9f0a-5e3d2c1b0a99' },
  },
};

const parameter = (name: keyof typeof PARAMETERS): ReferenceObject => ({ $ref: `#/components/parameters/${name}` });

/** Headers that come with an error status, whatever the route. */
const PROBLEM_HEADERS: Readonly<Record<number, (keyof typeof HEADERS)[]>> = {
  401: ['WWW-Authenticate'],
  429: ['Retry-After'],
  503: ['Retry-After'],
};

/** Adds what every operation of its kind shares, derived from its method, path and access policy. */
function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ProblemDetails: PROBLEM_SCHEMA as never };
  components.parameters = { ...PARAMETERS };
  components.headers = { ...HEADERS };
  nameOperations(document);
  for (const { path, method, operation } of operationsOf(document)) completeOperation(path, method, operation);
  sortEnums(document);
  return document;
}

/**
 * Sorts every `enum`: the plugin lists a union's members in the type checker's order, which
 * depends on what else the program compiled first, so `nest build` and Jest could disagree.
 */
function sortEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(sortEnums);
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' && Array.isArray(value))
      value.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    else sortEnums(value);
  }
}

/**
 * Operation ids a client generator turns into method names: a controller that serves one use
 * case names it (`RecordStatementController` → `recordStatement`); the handlers of a
 * controller with several are named by their method (`HealthController.checkReadiness`).
 * `openapi.e2e-spec.ts` checks that no two are the same.
 */
function nameOperations(document: OpenAPIObject): void {
  const operations = operationsOf(document).map(({ operation }) => {
    const [controller, handler] = operation.operationId!.split('.');
    return { operation, controller, handler };
  });
  const perController = new Map<string, number>();
  for (const { controller } of operations) perController.set(controller, (perController.get(controller) ?? 0) + 1);
  for (const { operation, controller, handler } of operations) {
    operation.operationId =
      perController.get(controller) === 1 ? lowerFirst(controller.replace(/Controller$/, '')) : handler;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function completeOperation(path: string, method: DocumentedOperation['method'], operation: OperationObject): void {
  const permission = permissionFor(method.toUpperCase(), path.replace(/\{(\w+)\}/g, '$1'));
  const parameters = (operation.parameters ??= []);
  // A path parameter read through a pipe into a non-string type is left out by the explorer; the path still has it.
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    if (!parameters.some((p) => 'in' in p && p.in === 'path' && p.name === name)) {
      parameters.unshift({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  const hasPathParameters = parameters.some((p) => 'in' in p && p.in === 'path');
  const post = method === 'post';
  const write = isWrite(operation);
  const reasons = new Map<number, string[]>();
  const because = (status: number, reason: string) => reasons.set(status, [...(reasons.get(status) ?? []), reason]);

  if (post || parameters.length > 0 || operation.requestBody) {
    because(400, 'Invalid input: `errors` names each offending field of the body, query, path or headers.');
  }
  if (hasPathParameters) because(414, 'A path parameter is longer than 100 characters.');
  if (permission === 'public') {
    operation.security = [];
  } else {
    operation.security = [{ [BEARER]: [] }];
    because(401, 'No API key, or a key this server does not know: send `Authorization: Bearer <key>`.');
    const roles = ROLES.filter((role) => allows(role, permission));
    if (roles.length < ROLES.length) because(403, `The key's role may not ${permission}; ${roles.join(' and ')} may.`);
    because(
      429,
      'Too many wrong keys from this address (`AUTH_FAILURES_PER_MINUTE`): refused until `Retry-After`, a right key included.',
    );
    const who = roles.length < ROLES.length ? `a key whose role may ${permission} (${roles.join(', ')})` : 'any key';
    operation.description = [operation.description, `Needs ${who}.`].filter(Boolean).join('\n\n');
  }
  because(429, 'More than `RATE_LIMIT_PER_MINUTE` requests from this key (or address, without keys) in a minute.');
  if (post) {
    parameters.push(parameter('IdempotencyKey'));
    because(409, 'A request with this `Idempotency-Key` is still being handled; retry after `Retry-After`.');
    because(413, 'The body is larger than `BODY_LIMIT_BYTES`.');
    because(415, 'The body is neither JSON nor plain text.');
    because(422, 'This `Idempotency-Key` was used with a different request.');
    because(507, 'No storage space is left: nothing was recorded; retry once space is freed.');
  }
  if (write) because(409, 'Another write to this record landed first (a concurrent write); reload and retry.');
  because(503, 'The server already holds `MAX_CONNECTIONS` open connections; retry after `Retry-After`.');
  parameters.push(parameter('CorrelationId'));

  const responses = operation.responses;
  for (const [status, shared] of reasons) {
    const own = responses[status] as ResponseObject | undefined;
    responses[status] = { ...own, description: [own?.description, ...shared].filter(Boolean).join(' ') };
  }
  for (const [key, response] of Object.entries(responses)) {
    const status = Number(key);
    if (!response || '$ref' in response) continue;
    response.headers = { ...response.headers, 'X-Correlation-Id': header('X-Correlation-Id') };
    if (status < 400) {
      if (!response.description) response.description = STATUS_CODES[status] ?? '';
      if (write) response.headers.ETag = header('ETag');
      if (post) response.headers['Idempotent-Replayed'] = header('Idempotent-Replayed');
      continue;
    }
    for (const name of PROBLEM_HEADERS[status] ?? []) response.headers[name] = header(name);
    if (status === 409 && post) response.headers['Retry-After'] = header('Retry-After');
    response.content = {
      ...response.content,
      [PROBLEM_JSON]: {
        schema: { $ref: '#/components/schemas/ProblemDetails' },
        ...(PROBLEM_EXAMPLES[status] ? { example: PROBLEM_EXAMPLES[status] } : {}),
      },
    };
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  addDemoExamples(path, operation);
}

/** A write route answers `201` with the `WriteResponse` of the stream it appended to. */
function isWrite(operation: OperationObject): boolean {
  const created = operation.responses['201'] as ResponseObject | undefined;
  const schema = created?.content?.['application/json']?.schema;
  return schema !== undefined && '$ref' in schema && /\/WriteResponse$/.test(schema.$ref);
}

/** The demo records sent to this route (`npm run demo` loads them) as examples of its body. */
function addDemoExamples(path: string, operation: OperationObject): void {
  const body = operation.requestBody;
  const media = body && 'content' in body ? body.content['application/json'] : undefined;
  if (!media) return;
  const route = routeOf(path);
  const writes = DEMO_WRITES.filter((write) => routeOf(write.path) === route).slice(0, 3);
  if (writes.length === 0) return;
  const examples: Record<string, { summary: string; value: unknown }> = {};
  for (const { body: value } of writes) {
    const summary = String(value.title ?? value.name ?? value.speaker ?? value.region ?? value.stage ?? 'example');
    let name = summary
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    while (name in examples) name += '-2';
    examples[name] = { summary, value };
  }
  media.examples = examples;
}

const routeOf = (path: string) => path.replace(/\{\w+\}/g, '{}');
