import { HStack, Heading, Tag } from '@navikt/ds-react';
import { useEffect } from 'react';
import { isReplay, useViewTime } from '../view-time/view-time';

/** The page's one h1, and the same words in the browser tab; a replay is marked on the heading too. */
export function PageHeading({ title, office, replayable = true }: { title: string; office?: string; replayable?: boolean }) {
  const text = office ? `${title} – kontor ${office}` : title;
  const replay = replayable && isReplay(useViewTime());
  useEffect(() => {
    document.title = `${replay ? 'Avspilling: ' : ''}${text} · Arbeidsgiverkontakt`;
  }, [text, replay]);
  return (
    <HStack gap="space-12" align="center">
      <Heading level="1" size="large">
        {text}
      </Heading>
      {replay && <Tag variant="warning">Avspilling</Tag>}
    </HStack>
  );
}
