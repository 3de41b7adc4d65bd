/**
 * Streams carry their office so that "all of an office's events in order" is a prefix read:
 * `office-0314.case-<id>`, `office-0314.employer-<orgNumber>`.
 */
export const officeStreamPrefix = (officeNumber: string): string => `office-${officeNumber}.`;

export const officeStream = (officeNumber: string, kind: string, id: string): string => `${officeStreamPrefix(officeNumber)}${kind}-${id}`;

/** The office a stream belongs to, or undefined for a stream outside any office. */
export const officeOfStream = (streamId: string): string | undefined => /^office-(\d{4})\./.exec(streamId)?.[1];

/** A stream's category (`EventStore.streamCategories`): its name up to the first '.', or the whole name without one. */
export const categoryOfStream = (streamId: string): string => streamId.split('.', 1)[0]!;

/** The office of a category `office-0314`, or undefined for a category outside any office. */
export const officeOfCategory = (category: string): string | undefined => /^office-(\d{4})$/.exec(category)?.[1];
