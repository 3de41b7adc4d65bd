import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/auth-context';
import { useViewTime } from '../view-time/view-time';
import { ApiError } from './api-error';
import { read, type ParamsOf, type ReadPath } from './api-client';

const REBUILD_RETRY_MS = 2000;

/**
 * One view of the API, live or replayed as the address says. A view being rebuilt (503
 * VIEW.REBUILDING), or a replay refused while others run (503 VIEW.AS_OF_REPLAYS_BUSY), is asked
 * again until it answers; other errors are shown, not retried (a 403 or 400 will not change by asking again).
 */
export function useView<P extends ReadPath>(path: P, params: ParamsOf<P> = {}, options: { enabled?: boolean } = {}) {
  const { token } = useSession();
  const time = useViewTime();
  const query = { ...params.query, asOf: time.asOf, asOfPosition: time.asOfPosition };
  return useQuery({
    queryKey: ['view', path, params.path, query, token],
    queryFn: () => read(token, path, { path: params.path, query } as ParamsOf<P>),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
    retry: (failures, error) =>
      (error instanceof ApiError && (error.rebuilding || error.replaysBusy)) || (!(error instanceof ApiError) && failures < 2),
    retryDelay: (_failures, error) =>
      error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : REBUILD_RETRY_MS,
  });
}
