/**
 * Streams carry their office so that "all of an office's events in order" is a prefix read:
 * `office-0314.case-<id>`, `office-0314.employer-<orgNumber>`.
 */
export const officeStreamPrefix = (officeNumber: string): string => `office-${officeNumber}.`;

export const officeStream = (officeNumber: string, kind: string, id: string): string => `${officeStreamPrefix(officeNumber)}${kind}-${id}`;

/** The office a stream belongs to, or undefined for a stream outside any office. */
export const officeOfStream = (streamId: string): string | undefined => /^office-(\d{4})\./.exec(streamId)?.[1];
