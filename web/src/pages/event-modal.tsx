import { BodyShort, Button, Heading, Modal, VStack } from '@navikt/ds-react';
import { useNavigate } from 'react-router';
import type { HistoryEvent } from '../api/view-types';
import { EVENT_TYPE, label } from '../labels/codes.nb';
import { formatTime } from '../labels/format';

/** One event with its data and metadata as stored (upcast to the current version), and a way to replay up to it. */
export function EventModal({ event, office, onClose }: { event: HistoryEvent | null; office: string; onClose: () => void }) {
  const navigate = useNavigate();
  if (!event) return null;
  return (
    <Modal open onClose={onClose} header={{ heading: `${label(EVENT_TYPE, event.type)} (posisjon ${event.position})` }} width="medium">
      <Modal.Body>
        <VStack gap="space-12">
          <BodyShort>
            Registrert {formatTime(event.recordedAt)} i strømmen {event.streamId}, revisjon {event.revision}.
          </BodyShort>
          <Heading level="3" size="xsmall">
            Metadata
          </Heading>
          <pre data-testid="event-metadata" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {JSON.stringify(event.metadata, null, 2)}
          </pre>
          <Heading level="3" size="xsmall">
            Data
          </Heading>
          <pre data-testid="event-data" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {JSON.stringify(event.data, null, 2)}
          </pre>
        </VStack>
      </Modal.Body>
      <Modal.Footer>
        <Button onClick={() => navigate(`/kontor/${office}/oversikt?asOfPosition=${event.position}`)}>
          Vis sidene som per denne hendelsen
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
