import { Heading } from '@navikt/ds-react';
import { useEffect } from 'react';

/** The page's one h1, and the same words in the browser tab. */
export function PageHeading({ title, office }: { title: string; office?: string }) {
  const text = office ? `${title} – kontor ${office}` : title;
  useEffect(() => {
    document.title = `${text} · Arbeidsgiverkontakt`;
  }, [text]);
  return <Heading level="1" size="large">{text}</Heading>;
}
