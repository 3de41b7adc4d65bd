/** What the API itself answers, to compare the pages with (never recomputed in the test). */
export function apiReader(url: string, token: string) {
  return async <T>(path: string, query: Record<string, string | number> = {}): Promise<T> => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const response = await fetch(`${url}/api/v1/${path}${search ? `?${search}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
