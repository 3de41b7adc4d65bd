import { Alert, BodyShort, Button, HStack, Table, VStack } from '@navikt/ds-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { read } from '../api/api-client';
import type { HistoryEvent } from '../api/view-types';
import { useSession } from '../auth/auth-context';
import { PageHeading } from '../components/page-heading';
import { ViewState } from '../components/view-state';
import { EVENT_TYPE, label } from '../labels/codes.nb';
import { formatTime } from '../labels/format';
import { isReplay, useViewTime } from '../view-time/view-time';
import { EventModal } from './event-modal';
import { HistoryFilter, type HistoryFilterValues } from './history-filter';

const PAGE_SIZE = 20;

/** Historikk: the office's events in global order, straight from the event store, filtered and paged by cursor. */
export function HistoryPage() {
  const office = useParams().office!;
  const { token } = useSession();
  const [filter, setFilter] = useState<HistoryFilterValues>({ types: [], from: '', to: '' });
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [open, setOpen] = useState<HistoryEvent | null>(null);
  const after = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: ['history', office, filter, after, token],
    queryFn: () =>
      read(token, '/api/v1/offices/{officeNumber}/history', {
        path: { officeNumber: office },
        query: { after: after?.toString(), limit: String(PAGE_SIZE), types: filter.types.join(','), from: filter.from, to: filter.to },
      }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const replay = isReplay(useViewTime());

  return (
    <VStack gap="space-24">
      <PageHeading title="Historikk" office={office} replayable={false} />
      {replay && (
        <Alert variant="info" size="small">
          Historikken viser alltid hendelsesloggen slik den er; «Vis som per» gjelder visningene på de andre sidene.
        </Alert>
      )}
      <HistoryFilter
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setCursors([undefined]);
        }}
      />
      <ViewState query={query} office={office} isEmpty={(h) => h.events.length === 0} empty="Ingen hendelser passer filteret.">
        {(history) => (
          <VStack gap="space-12">
            <div className="table-scroll">
              <Table size="small" aria-label="Hendelser">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Posisjon</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Registrert</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Hendelse</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Utført av</Table.HeaderCell>
                    <Table.HeaderCell scope="col">
                      <span className="skip-link">Detaljer</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {history.events.map((e) => (
                    <Table.Row key={e.position} data-position={e.position}>
                      <Table.HeaderCell scope="row">{e.position}</Table.HeaderCell>
                      <Table.DataCell>{formatTime(e.recordedAt)}</Table.DataCell>
                      <Table.DataCell>{label(EVENT_TYPE, e.type)}</Table.DataCell>
                      <Table.DataCell>{String(e.metadata.actor ?? '–')}</Table.DataCell>
                      <Table.DataCell>
                        <Button size="xsmall" variant="tertiary" onClick={() => setOpen(e)}>
                          Vis hendelse {e.position}
                        </Button>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <HStack gap="space-12" align="center">
              <Button size="small" variant="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Forrige side
              </Button>
              <BodyShort size="small" aria-live="polite">
                Side {cursors.length}
              </BodyShort>
              <Button
                size="small"
                variant="secondary"
                disabled={history.next === null}
                onClick={() => setCursors([...cursors, history.next!])}
              >
                Neste side
              </Button>
            </HStack>
          </VStack>
        )}
      </ViewState>
      <EventModal event={open} office={office} onClose={() => setOpen(null)} />
    </VStack>
  );
}
