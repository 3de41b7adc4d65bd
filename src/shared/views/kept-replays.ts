import { officeOfStream, officeStreamPrefix, type EventStore } from '@app/event-store';
import { InMemoryFold, ProjectionEventFailed, type AnyProjection } from '@app/projections';
import { REPLAY_PAGE, type ReplayScope } from './view-replay.js';

/** Most replays kept at once (one per view and scope asked); the one asked for least recently goes first. */
export const MOST_KEPT_REPLAYS = 64;

/** A view's documents for one scope as of a position, shared by every answer at that position: read, never change. */
export interface ReplayedDocs {
  position: number;
  docs: ReadonlyMap<string, unknown>;
}

interface Kept {
  projection: AnyProjection;
  /** This instance's fold of the scope's events; none until the first read. */
  fold?: InMemoryFold<unknown>;
  /** The position the folds have been brought to: every event of the scope at or before it is in. */
  position: number;
  docs?: ReplayedDocs;
  /** The last step of this replay under way: steps run one after another. */
  turn: Promise<unknown>;
}

/**
 * The answer of a view whose table holds another release's documents (a rebuild after a deploy, or
 * an older instance after the swap of a newer one): the as-of replay's fold of this instance's code,
 * kept per view and scope (an office, some offices, all) and brought forward to the head on each
 * read by the events appended since, so an answer costs the events since the last one asked, not
 * the scope's whole history. Dropped once the view's table is at this instance's version.
 */
export class KeptReplays {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly store: Pick<EventStore, 'readAll'>) {}

  get size(): number {
    return this.kept.size;
  }

  /** The scope's documents as of `toPosition`, or of a later position when an answer already went further. */
  at(projection: AnyProjection, scope: ReplayScope, toPosition: number): Promise<ReplayedDocs> {
    const key = `${projection.name}|${projection.version}|${JSON.stringify(scopeKey(scope))}`;
    let kept = this.kept.get(key);
    this.kept.delete(key);
    if (!kept) {
      kept = { projection, position: -1, turn: Promise.resolve() };
      while (this.kept.size >= MOST_KEPT_REPLAYS) this.kept.delete(this.kept.keys().next().value!);
    }
    this.kept.set(key, kept);
    const step = kept.turn.then(() => this.bringTo(kept, scope, toPosition));
    // A step that failed (the database blinked) leaves the replay where it was, for the next to try.
    kept.turn = step.catch(() => undefined);
    return step;
  }

  /** Forgets the replays of this view: its table is at this instance's version again. */
  forget(name: string): void {
    for (const [key, kept] of this.kept) if (kept.projection.name === name) this.kept.delete(key);
  }

  private async bringTo(kept: Kept, scope: ReplayScope, toPosition: number): Promise<ReplayedDocs> {
    let fold = kept.fold;
    if (!fold) {
      fold = kept.fold = await this.fromNothing(kept.projection, scope, toPosition);
      kept.position = toPosition;
    } else if (toPosition > kept.position) {
      kept.docs = undefined;
      try {
        // A read that failed half-way is taken up again from the same position: a fold skips an event it already has.
        await foldFurther(this.store, fold, scope, kept.position, toPosition);
      } catch (error) {
        if (!(error instanceof ProjectionEventFailed)) throw error;
        // A plain fold that met a failing event is half-applied: from nothing again, parking.
        fold = kept.fold = await this.fromNothing(kept.projection, scope, toPosition, true);
      }
      kept.position = toPosition;
    }
    kept.docs ??= { position: kept.position, docs: fold.docs() };
    return kept.docs;
  }

  /** As the as-of replay does: a plain fold first, and parking (which costs more) only when an event fails. */
  private async fromNothing(
    projection: AnyProjection,
    scope: ReplayScope,
    toPosition: number,
    parking = false,
  ): Promise<InMemoryFold<unknown>> {
    const fold = new InMemoryFold<unknown>(projection, parking ? { onParked: () => undefined } : {});
    try {
      await foldFurther(this.store, fold, scope, 0, toPosition);
    } catch (error) {
      if (parking || !(error instanceof ProjectionEventFailed)) throw error;
      return this.fromNothing(projection, scope, toPosition, true);
    }
    return fold;
  }
}

/** Folds the scope's events after `after`, up to `toPosition`, of the fold's types. */
async function foldFurther(
  store: Pick<EventStore, 'readAll'>,
  fold: InMemoryFold<unknown>,
  scope: ReplayScope,
  after: number,
  toPosition: number,
): Promise<void> {
  const streamPrefix = 'office' in scope ? officeStreamPrefix(scope.office) : undefined;
  const offices = 'office' in scope ? undefined : scope.offices && new Set(scope.offices);
  for (;;) {
    const page = await store.readAll({ after, toPosition, limit: REPLAY_PAGE, types: [...fold.projection.eventTypes], streamPrefix });
    fold.apply(offices ? page.filter((e) => offices.has(officeOfStream(e.streamId) ?? '')) : page);
    if (page.length < REPLAY_PAGE) return;
    after = page[page.length - 1]!.position;
  }
}

const scopeKey = (scope: ReplayScope) => ('office' in scope ? scope.office : scope.offices ? [...scope.offices].sort() : '*');
