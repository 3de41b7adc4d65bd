import { useSearchParams } from 'react-router';

/**
 * Which moment the pages show: live (nothing set) or a replay as of a time or a global position,
 * kept in the address (`?asOf=` / `?asOfPosition=`, the API's own names) so it survives moving
 * between pages and can be shared.
 */
export interface ViewTime {
  asOf?: string;
  asOfPosition?: number;
}

export function useViewTime(): ViewTime {
  const [search] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const position = search.get('asOfPosition');
  return { asOf, asOfPosition: position === null ? undefined : Number(position) };
}

export const isReplay = (time: ViewTime) => time.asOf !== undefined || time.asOfPosition !== undefined;

/** The current page's replay parameters, to carry along in links to other pages. */
export function useReplaySearch(): string {
  const [search] = useSearchParams();
  const kept = new URLSearchParams();
  for (const key of ['asOf', 'asOfPosition']) {
    const value = search.get(key);
    if (value !== null) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}
