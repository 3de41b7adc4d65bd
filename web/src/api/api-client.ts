import { ApiError } from './api-error';

export type QueryValues = Record<string, string | number | undefined | null>;

/** `/api/v1/<path>?<query>`, leaving out empty values. */
export function apiUrl(path: string, query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1/${path}${search ? `?${search}` : ''}`;
}

/** GET with the bearer token held in memory; a non-2xx answer becomes an ApiError. */
export async function getJson<T>(token: string, path: string, query?: QueryValues): Promise<T> {
  const response = await fetch(apiUrl(path, query), { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  if (!response.ok) throw await ApiError.of(response);
  return (await response.json()) as T;
}
