import { z } from 'zod';
import { AuthUnavailable } from '../auth-unavailable.error.js';
import type { GraphAppToken } from './graph-app-token.js';

/** NAV's office groups in Entra ID: `0000-GA-ENHET_0314` makes its members staff of office 0314. */
const OFFICE_GROUP = /^0000-GA-ENHET_(\d{4})$/;
/** A person is in a few hundred groups at most; a link chain longer than this is Graph misbehaving. */
const MAX_PAGES = 50;

const page = z.object({
  value: z.array(z.object({ '@odata.type': z.string().optional(), displayName: z.string().nullish() })),
  '@odata.nextLink': z.string().optional(),
});

/** Where a person's offices come from (Microsoft Graph in production). */
export interface OfficeDirectory {
  /** The person's office numbers, or AuthUnavailable when the directory did not answer in time. */
  officesOf(objectId: string): Promise<string[]>;
}

/**
 * Reads a person's direct group memberships (`/users/{oid}/memberOf`, every page) with the app's
 * own token and keeps the office numbers of the `0000-GA-ENHET_<nnnn>` groups. The whole lookup,
 * token included, has one deadline; any failure is AuthUnavailable, never an empty (or partial) list.
 */
export class GraphOfficeDirectory implements OfficeDirectory {
  constructor(
    private readonly baseUrl: string,
    private readonly appToken: GraphAppToken,
    private readonly timeoutMs: number,
  ) {}

  async officesOf(objectId: string): Promise<string[]> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await this.readOffices(objectId, signal);
    } catch (error) {
      if (error instanceof AuthUnavailable) throw error;
      if (signal.aborted) throw new AuthUnavailable(`Microsoft Graph did not answer within ${this.timeoutMs} ms`);
      throw new AuthUnavailable(`Microsoft Graph could not be reached (${(error as Error).message})`);
    }
  }

  private async readOffices(objectId: string, signal: AbortSignal): Promise<string[]> {
    const token = await this.appToken.get(signal);
    const offices = new Set<string>();
    let url: string | undefined = `${this.baseUrl}/users/${encodeURIComponent(objectId)}/memberOf?$select=id,displayName&$top=999`;
    for (let pages = 0; url; pages++) {
      if (pages === MAX_PAGES) throw new AuthUnavailable(`Microsoft Graph gave more than ${MAX_PAGES} pages of groups`);
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
      if (response.status === 401) this.appToken.forget();
      if (!response.ok) throw new AuthUnavailable(`Microsoft Graph answered ${response.status}`);
      const parsed = page.safeParse(await response.json());
      if (!parsed.success) throw new AuthUnavailable('Microsoft Graph answered with a page that is not a list of groups');
      for (const entry of parsed.data.value) {
        const office = entry['@odata.type'] === '#microsoft.graph.group' ? OFFICE_GROUP.exec(entry.displayName ?? '')?.[1] : undefined;
        if (office) offices.add(office);
      }
      url = this.nextPage(parsed.data['@odata.nextLink']);
    }
    return [...offices].sort();
  }

  /** The app's token goes to Graph only: a next link to any other origin is refused. */
  private nextPage(link: string | undefined): string | undefined {
    if (link === undefined) return undefined;
    if (!URL.canParse(link) || new URL(link).origin !== new URL(this.baseUrl).origin) {
      throw new AuthUnavailable('Microsoft Graph gave a next link to another origin');
    }
    return link;
  }
}
