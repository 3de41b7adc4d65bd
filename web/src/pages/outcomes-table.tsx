import { Heading, Table, VStack } from '@navikt/ds-react';
import { useId } from 'react';
import type { OutcomeFigures } from '../api/view-types';
import { FOLLOW_UP_MODE, MEASURE, label } from '../labels/codes.nb';
import { formatDays, formatInteger, formatPercent } from '../labels/format';

type Row = OutcomeFigures & { key: string; name?: string; measureCode?: string };

/** Cohorts or measures, one row per follow-up mode, the outcome figures as the API gives them. */
export function OutcomesTable({ title, rows }: { title: string; rows: Row[] }) {
  const id = useId();
  return (
    <VStack gap="space-8">
      <Heading level="2" size="medium" id={id}>
        {title}
      </Heading>
      <div className="table-scroll">
        <Table size="small" aria-labelledby={id}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{rows[0]?.measureCode !== undefined ? 'Tiltak' : 'Inntaksmåned'}</Table.HeaderCell>
              <Table.HeaderCell scope="col">Oppfølging</Table.HeaderCell>
              {['Tatt inn', 'Aktive', 'Formidlet', 'Avsluttet', 'Formidlingsrate', 'Median dager'].map((name) => (
                <Table.HeaderCell key={name} scope="col" className="numeric">
                  {name}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.key}>
                <Table.HeaderCell scope="row">{r.measureCode !== undefined ? label(MEASURE, r.measureCode) : r.name}</Table.HeaderCell>
                <Table.DataCell>{label(FOLLOW_UP_MODE, r.followUpMode)}</Table.DataCell>
                <Table.DataCell className="numeric">{formatInteger(r.enrolled)}</Table.DataCell>
                <Table.DataCell className="numeric">{formatInteger(r.active)}</Table.DataCell>
                <Table.DataCell className="numeric">{formatInteger(r.placed)}</Table.DataCell>
                <Table.DataCell className="numeric">{formatInteger(r.exited)}</Table.DataCell>
                <Table.DataCell className="numeric">{formatPercent(r.placementRate)}</Table.DataCell>
                <Table.DataCell className="numeric">{formatDays(r.medianDaysToPlacement)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}
