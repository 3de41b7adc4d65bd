import { Table, VStack } from '@navikt/ds-react';
import type { OfficeRow } from '../api/view-types';
import { useView } from '../api/use-view';
import { PageHeading } from '../components/page-heading';
import { PeriodPicker, usePeriod } from '../components/period-picker';
import { useSortedRows } from '../components/sorted-rows';
import { ViewState } from '../components/view-state';
import { formatDecimal, formatInteger, formatPercent } from '../labels/format';

const COLUMNS: [keyof OfficeRow, string, (r: OfficeRow) => string][] = [
  ['employerContacts', 'Kontakter', (r) => formatInteger(r.employerContacts)],
  ['uniqueEmployers', 'Unike arbeidsgivere', (r) => formatInteger(r.uniqueEmployers)],
  ['contactsPerAdvisor', 'Kontakter per veileder', (r) => formatDecimal(r.contactsPerAdvisor)],
  ['enrolled', 'Tatt inn', (r) => formatInteger(r.enrolled)],
  ['placed', 'Formidlet', (r) => formatInteger(r.placed)],
  ['placementRate', 'Formidlingsrate', (r) => formatPercent(r.placementRate)],
  ['followUpGaps', 'Uten oppfølging 30 d', (r) => formatInteger(r.followUpGaps)],
];

/** Kontorer: the offices the caller may see, side by side, sortable by any column. */
export function OfficesPage() {
  const period = usePeriod();
  const query = useView('/api/v1/offices', { query: period });
  return (
    <VStack gap="space-24">
      <PageHeading title="Kontorer" />
      <PeriodPicker />
      <ViewState query={query} isEmpty={(o) => o.offices.length === 0} empty="Ingen kontorer med aktivitet i perioden.">
        {(answer) => <OfficesTable rows={answer.offices} />}
      </ViewState>
    </VStack>
  );
}

function OfficesTable({ rows }: { rows: OfficeRow[] }) {
  const { sorted, sort, onSortChange } = useSortedRows(rows, { orderBy: 'employerContacts', direction: 'descending' });
  return (
    <div className="table-scroll">
      <Table size="small" aria-label="Kontorer side om side" sort={sort} onSortChange={onSortChange}>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader sortKey="officeNumber" sortable>
              Kontor
            </Table.ColumnHeader>
            {COLUMNS.map(([key, name]) => (
              <Table.ColumnHeader key={key} sortKey={key} sortable className="numeric">
                {name}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sorted.map((r) => (
            <Table.Row key={r.officeNumber} data-office={r.officeNumber}>
              <Table.HeaderCell scope="row">{r.officeNumber}</Table.HeaderCell>
              {COLUMNS.map(([key, , value]) => (
                <Table.DataCell key={key} className="numeric">
                  {value(r)}
                </Table.DataCell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
