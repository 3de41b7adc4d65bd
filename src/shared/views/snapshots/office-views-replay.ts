import { officeStreamPrefix, type EventStore, type RecordedEvent } from '@app/event-store';
import { InMemoryFold, ProjectionEventFailed, type AnyProjection } from '@app/projections';
import { replayOffice, snapshotInterval, type OfficeReplay, type Snapshots } from './office-replay.js';
import type { ReplaySnapshot, SnapshotScope } from './replay-snapshot-store.js';

/**
 * Several views of one office as of `toPosition`, each from its latest snapshot: `replayOffice` for
 * each view, but the snapshots are looked up together, and the office's events after a view's
 * snapshot are read (and parsed) once for all the views that need them, not once per view.
 * What a replay of many offices (a national one) costs per office. Events rarely fail: when one
 * does, each view is replayed on its own, parking (`replayOffice`).
 */
export async function replayOfficeViews(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  office: string,
  toPosition: number,
  snapshots: Snapshots | undefined,
  pageSize: number,
): Promise<OfficeReplay[]> {
  try {
    return await foldTogether(store, projections, office, toPosition, snapshots, pageSize);
  } catch (error) {
    if (!(error instanceof ProjectionEventFailed)) throw error;
    const each: OfficeReplay[] = [];
    for (const projection of projections) each.push(await replayOffice(store, projection, office, toPosition, snapshots, pageSize));
    return each;
  }
}

async function foldTogether(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  office: string,
  toPosition: number,
  snapshots: Snapshots | undefined,
  pageSize: number,
): Promise<OfficeReplay[]> {
  const scopes: SnapshotScope[] | undefined =
    snapshots && projections.map((projection) => ({ log: snapshots.log, view: projection.name, version: projection.version, office }));
  const starts = snapshots && scopes ? await snapshots.latest(scopes, toPosition) : [];
  const views = projections.map((projection, i) => new ViewFold(projection, scopes?.[i], starts[i], snapshots));
  // From one view's start to the next, only the types of the views already started are read: a view
  // with no snapshot (one whose types are rare in the office) must not make the others' whole
  // history be read and parsed again.
  const froms = [...new Set(views.map((v) => v.from))].filter((from) => from < toPosition).sort((a, b) => a - b);
  const streamPrefix = officeStreamPrefix(office);
  for (const [i, from] of froms.entries()) {
    const until = froms[i + 1] ?? toPosition;
    const started = views.filter((v) => v.from <= from);
    const types = [...new Set(started.flatMap((v) => v.eventTypes))];
    for (let after = from; ;) {
      const page = await store.readAll({ after, toPosition: until, limit: pageSize, types, streamPrefix });
      for (const event of page) for (const view of started) await view.apply(event);
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.position;
    }
  }
  return views.map((view) => view.replayed());
}

/** One view's fold of the office from its snapshot, taking the next snapshots as `replayOffice` does. */
class ViewFold {
  readonly from: number;
  readonly eventTypes: readonly string[];
  private readonly fold: InMemoryFold<unknown>;
  private readonly types: ReadonlySet<string>;
  private readonly parked: number[];
  private lastPosition: number;
  private interval: number;
  private since = 0;

  constructor(
    projection: AnyProjection,
    private readonly scope: SnapshotScope | undefined,
    start: ReplaySnapshot | undefined,
    private readonly snapshots: Snapshots | undefined,
  ) {
    this.fold = start
      ? InMemoryFold.resume(projection, { docs: start.docs, position: start.position, seen: start.eventsSeen })
      : new InMemoryFold<unknown>(projection);
    this.eventTypes = projection.eventTypes;
    this.types = new Set(projection.eventTypes);
    this.from = this.lastPosition = start?.position ?? 0;
    this.parked = [...(start?.parked ?? [])];
    this.interval = snapshots ? snapshotInterval(snapshots.every, start?.docs.length ?? 0) : Infinity;
  }

  /** An event of the office read for any of the views: this view's if of its types and after its snapshot. */
  async apply(event: RecordedEvent): Promise<void> {
    if (event.position <= this.from || !this.types.has(event.type)) return;
    this.fold.apply([event]);
    this.lastPosition = event.position;
    const { snapshots, scope } = this;
    if (!snapshots || !scope || ++this.since < this.interval) return;
    const taken = { position: event.position, eventsSeen: this.fold.eventsSeen, docs: [...this.fold.docs()], parked: [...this.parked] };
    await snapshots.save(scope, taken).catch((error: unknown) => snapshots.onSaveFailed(error));
    this.interval = snapshotInterval(snapshots.every, taken.docs.length);
    this.since = 0;
  }

  replayed(): OfficeReplay {
    return { docs: this.fold.takeDocs(), lastPosition: this.lastPosition, parked: this.parked };
  }
}
