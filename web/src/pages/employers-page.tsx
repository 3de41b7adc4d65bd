import { BodyShort, Button, HStack, Select, Table, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useView } from '../api/use-view';
import { PageHeading } from '../components/page-heading';
import { ViewState } from '../components/view-state';
import { EMPLOYER_SORT } from '../labels/codes.nb';
import { formatInteger, formatTime } from '../labels/format';

type Sort = keyof typeof EMPLOYER_SORT;

/**
 * Arbeidsgivere: the office's employers in one of the API's three orders (each largest or
 * latest first), paged by the API's cursor: `next` is kept on a stack so "Forrige side" can go back.
 */
export function EmployersPage() {
  const office = useParams().office!;
  const [sort, setSort] = useState<Sort>('lastContact');
  const [limit, setLimit] = useState('25');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const query = useView('/api/v1/offices/{officeNumber}/employers', {
    path: { officeNumber: office },
    query: { sort, limit: Number(limit), after },
  });
  const restart = () => setCursors([undefined]);

  return (
    <VStack gap="space-24">
      <PageHeading title="Arbeidsgivere" office={office} />
      <HStack gap="space-16" align="end">
        <Select
          label="Sorter etter"
          size="small"
          value={sort}
          onChange={(e) => {
            setSort(e.target.value as Sort);
            restart();
          }}
        >
          {Object.entries(EMPLOYER_SORT).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
        <Select
          label="Per side"
          size="small"
          value={limit}
          onChange={(e) => {
            setLimit(e.target.value);
            restart();
          }}
        >
          {['10', '25', '50', '100'].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </HStack>
      <ViewState
        query={query}
        office={office}
        isEmpty={(e) => e.employers.length === 0}
        empty="Kontoret har ikke vært i kontakt med noen arbeidsgivere ennå."
      >
        {(answer) => (
          <VStack gap="space-12">
            <div className="table-scroll">
              <Table
                size="small"
                aria-label="Arbeidsgivere"
                sort={{ orderBy: sort, direction: 'descending' }}
                onSortChange={(key) => {
                  setSort(key as Sort);
                  restart();
                }}
              >
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Arbeidsgiver</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Org.nr.</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Næring</Table.HeaderCell>
                    <Table.ColumnHeader sortKey="contacts" sortable className="numeric">
                      Kontakter
                    </Table.ColumnHeader>
                    <Table.ColumnHeader sortKey="lastContact" sortable>
                      Siste kontakt
                    </Table.ColumnHeader>
                    <Table.ColumnHeader sortKey="placements" sortable className="numeric">
                      Formidlinger
                    </Table.ColumnHeader>
                    <Table.HeaderCell scope="col" className="numeric">
                      Åpne behov
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">Merknad</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {answer.employers.map((e) => (
                    <Table.Row key={e.orgNumber} data-org={e.orgNumber}>
                      <Table.HeaderCell scope="row">{e.name ?? 'Uten navn'}</Table.HeaderCell>
                      <Table.DataCell>{e.orgNumber}</Table.DataCell>
                      <Table.DataCell>{e.naceSection ?? '–'}</Table.DataCell>
                      <Table.DataCell className="numeric">{formatInteger(e.contacts)}</Table.DataCell>
                      <Table.DataCell>{formatTime(e.lastContactAt)}</Table.DataCell>
                      <Table.DataCell className="numeric">{formatInteger(e.placements)}</Table.DataCell>
                      <Table.DataCell className="numeric">{formatInteger(e.openNeeds)}</Table.DataCell>
                      <Table.DataCell>
                        {e.placedButNotContacted90d && (
                          <Tag variant="warning" size="small">
                            Formidlet, ikke kontaktet på 90 dager
                          </Tag>
                        )}
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
              <Button size="small" variant="secondary" disabled={!answer.next} onClick={() => setCursors([...cursors, answer.next!])}>
                Neste side
              </Button>
            </HStack>
          </VStack>
        )}
      </ViewState>
    </VStack>
  );
}
