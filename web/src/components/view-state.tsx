import { Alert, BodyShort, Button, Loader, VStack } from '@navikt/ds-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import type { ViewAnswer } from '../api/view-types';
import { useAuth } from '../auth/auth-context';
import { Freshness } from './freshness';

interface Props<T> {
  query: UseQueryResult<T>;
  /** The office the route is about, to say which one was refused. */
  office?: string;
  isEmpty?: (data: T) => boolean;
  empty?: string;
  children: (data: T) => ReactNode;
}

/** Loading, rebuilding, refused, failed, empty or the answer, with its freshness. */
export function ViewState<T extends ViewAnswer | object>({ query, office, isEmpty, empty, children }: Props<T>) {
  const rebuilding = query.failureReason instanceof ApiError && query.failureReason.rebuilding;
  if (rebuilding) {
    return (
      <Alert variant="info" role="status">
        Visningen bygges opp på nytt etter en oppdatering av tjenesten. Siden prøver igjen av seg selv.
      </Alert>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} office={office} retry={() => void query.refetch()} />;
  if (query.data === undefined) return <Loader title="Henter tall" size="large" />;
  const data = query.data;
  return (
    <VStack gap="space-16">
      {'position' in data && (
        <Freshness
          answer={data}
          // The previous answer, kept on screen while the one asked for (another period, a replay) is fetched.
          updatedAt={query.isPlaceholderData ? undefined : query.dataUpdatedAt}
          fetching={query.isFetching}
          refresh={() => void query.refetch()}
        />
      )}
      {isEmpty?.(data) ? <Alert variant="info">{empty ?? 'Ingen data for valgt periode.'}</Alert> : children(data)}
    </VStack>
  );
}

function ErrorAlert({ error, office, retry }: { error: Error; office?: string; retry: () => void }) {
  const { session, signOut } = useAuth();
  if (error instanceof ApiError && error.status === 403) {
    const mine = session?.offices.length ? session.offices.join(', ') : 'ingen';
    return (
      <Alert variant="warning">
        {office ? `Du har ikke tilgang til kontor ${office}. ` : 'Du har ikke tilgang til denne visningen. '}
        Du har tilgang til kontor: {mine}.
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return (
      <Alert variant="warning">
        Innloggingen er utløpt.{' '}
        <Button size="small" variant="secondary" onClick={signOut}>
          Logg inn på nytt
        </Button>
      </Alert>
    );
  }
  return (
    <Alert variant="error">
      <VStack gap="space-8" align="start">
        <BodyShort>Kunne ikke hente tallene{error instanceof ApiError && error.detail ? `: ${error.detail}` : '.'}</BodyShort>
        <Button size="small" variant="secondary" onClick={retry}>
          Prøv igjen
        </Button>
      </VStack>
    </Alert>
  );
}
