import { Heading, Table, VStack } from '@navikt/ds-react';
import type { EngagementMonth } from '../api/view-types';
import { formatDecimal, formatInteger, formatMonth } from '../labels/format';

const COLUMNS: [string, (m: EngagementMonth) => string][] = [
  ['Kontakter', (m) => formatInteger(m.employerContacts)],
  ['Unike arbeidsgivere', (m) => formatInteger(m.uniqueEmployers)],
  ['Aktive veiledere', (m) => formatInteger(m.activeAdvisors)],
  ['Kontakter per veileder', (m) => formatDecimal(m.contactsPerAdvisor)],
  ['Behov åpnet', (m) => formatInteger(m.recruitmentNeedsOpened)],
  ['Behov besatt', (m) => formatInteger(m.recruitmentNeedsFilled)],
  ['Formidlinger', (m) => formatInteger(m.placements)],
  ['Formidlinger etter kontakt', (m) => formatInteger(m.placementsAfterContact)],
  ['Næringer', (m) => m.naceSections.join(', ') || '–'],
];

/** The charts' figures month by month, for reading exact numbers and for screen readers. */
export function EngagementTable({ months }: { months: EngagementMonth[] }) {
  return (
    <VStack gap="space-8">
      <Heading level="2" size="medium" id="tall-per-maned">
        Tall per måned
      </Heading>
      <div className="table-scroll">
        <Table size="small" aria-labelledby="tall-per-maned" data-testid="engagement-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Måned</Table.HeaderCell>
              {COLUMNS.map(([name]) => (
                <Table.HeaderCell key={name} scope="col" className="numeric">
                  {name}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {months.map((m) => (
              <Table.Row key={m.month} data-month={m.month}>
                <Table.HeaderCell scope="row">{formatMonth(m.month)}</Table.HeaderCell>
                {COLUMNS.map(([name, value]) => (
                  <Table.DataCell key={name} className="numeric">
                    {value(m)}
                  </Table.DataCell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}
