import { BodyShort, Button, HStack, Table, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useView } from '../api/use-view';
import { PageHeading } from '../components/page-heading';
import { ViewState } from '../components/view-state';
import { MEASURE, label } from '../labels/codes.nb';
import { formatInteger, formatTime } from '../labels/format';

/** Oppfølging: active external cases without follow-up for at least `days` days, longest first (the API's order). */
export function FollowUpPage() {
  const office = useParams().office!;
  const [search, setSearch] = useSearchParams();
  const days = search.get('days') ?? '30';
  const [typed, setTyped] = useState(days);
  const valid = /^\d+$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 3650;
  const query = useView('/api/v1/offices/{officeNumber}/follow-up-gaps', { path: { officeNumber: office }, query: { days: Number(days) } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const next = new URLSearchParams(search);
    next.set('days', typed);
    setSearch(next);
  };
  return (
    <VStack gap="space-24">
      <PageHeading title="Oppfølging" office={office} />
      <form onSubmit={submit}>
        <HStack gap="space-12" align="end">
          <TextField
            label="Dager uten oppfølging"
            description="Siden siste oppfølging"
            type="number"
            size="small"
            htmlSize={6}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            error={valid ? undefined : 'Skriv et helt antall dager, 1–3650'}
          />
          <Button size="small" variant="secondary" type="submit">
            Vis
          </Button>
        </HStack>
      </form>
      <ViewState
        query={query}
        office={office}
        isEmpty={(g) => g.count === 0}
        empty={`Ingen saker hos tiltaksarrangør har gått ${days} dager eller mer uten oppfølging.`}
      >
        {(gaps) => (
          <VStack gap="space-8">
            <BodyShort data-testid="gap-count">
              {formatInteger(gaps.count)} saker uten oppfølging på minst {gaps.days} dager
            </BodyShort>
            <div className="table-scroll">
              <Table size="small" aria-label="Saker uten oppfølging">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Sak</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Tiltak</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Tiltaksarrangør (org.nr.)</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Siste oppfølging</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="numeric">
                      Dager uten oppfølging
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {gaps.cases.map((c) => (
                    <Table.Row key={c.caseId} data-case={c.caseId}>
                      <Table.HeaderCell scope="row" className="case-id">
                        {c.caseId}
                      </Table.HeaderCell>
                      <Table.DataCell>{label(MEASURE, c.measureCode)}</Table.DataCell>
                      <Table.DataCell>{c.providerOrgNumber ?? '–'}</Table.DataCell>
                      <Table.DataCell>{c.lastFollowUpAt ? formatTime(c.lastFollowUpAt) : 'Ingen siden inntak'}</Table.DataCell>
                      <Table.DataCell className="numeric">{formatInteger(c.daysWithout)}</Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </VStack>
        )}
      </ViewState>
    </VStack>
  );
}
