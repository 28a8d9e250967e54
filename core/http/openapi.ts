import type { ApiRoute } from './routes.ts';
import { SCHEMAS } from './openapi-schemas.ts';

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input; `parameter` names the field at fault.',
  401: 'No operator is signed in.',
  403: 'The operator may not take this action.',
  404: 'No such queue, job, preview or audit record.',
  409: 'The preview was already used, or its jobs changed since.',
  410: 'The preview expired.',
  422: 'The Idempotency-Key was first used with another request.',
  413: 'The body is larger than the console accepts.',
  415: 'The body is not JSON.',
};

/** The OpenAPI 3.1 document of every API route, built from the same table the router serves. */
export function openApiDocument(routes: readonly ApiRoute[], mount: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const content = typeof route.response === 'string'
      ? { 'application/json': { schema: { $ref: `#/components/schemas/${route.response}` } } }
      : route.response;
    const responses: Record<string, unknown> = { 200: { description: 'OK', content } };
    for (const status of route.errors) {
      responses[status] = { description: ERROR_DESCRIPTIONS[status], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    (paths[`/api${route.template.path}`] ??= {})[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      'x-ops-jobs-action': route.action,
      parameters: route.parameters.map((parameter) => ({ ...parameter, required: parameter.in === 'path' })),
      ...(route.request ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.request}` } } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ops-jobs console API', version: '1' },
    servers: [{ url: mount, description: 'The mount path of the console' }],
    paths,
    components: { schemas: SCHEMAS },
  };
}
