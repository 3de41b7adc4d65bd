import createClient from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './openapi';

/** The API, typed from docs/openapi.json (`npm run openapi:web` generates ./openapi.d.ts from it). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

/** The routes the pages read: every GET whose 200 answer is JSON. */
export type ReadPath = {
  [P in keyof paths]: paths[P] extends { get: { responses: { 200: { content: { 'application/json': unknown } } } } } ? P : never;
}[keyof paths];
type Get<P extends ReadPath> = paths[P]['get'];
/** What the route answers with 200. */
export type AnswerOf<P extends ReadPath> = Get<P>['responses'][200]['content']['application/json'];
/** The route's path and query parameters, as the document declares them. */
export type ParamsOf<P extends ReadPath> = { path?: Get<P>['parameters']['path']; query?: Get<P>['parameters']['query'] };

/** GET with the bearer token held in memory; a non-2xx answer becomes an ApiError. */
export async function read<P extends ReadPath>(token: string, path: P, params: ParamsOf<P>): Promise<AnswerOf<P>> {
  // openapi-fetch cannot follow a path that is itself generic; the types above hold the caller to the document.
  const get = api.GET as unknown as (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const { data, error, response } = await get(path, {
    params: { path: params.path, query: withoutEmpty(params.query ?? {}) },
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  // openapi-fetch has read the body already: a problem+json answer comes as `error`.
  if (!response.ok) throw ApiError.of(response, error);
  return data as AnswerOf<P>;
}

/** Leaves out empty values, so an unset filter is not sent as `?from=`. */
const withoutEmpty = (query: object) =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''));
