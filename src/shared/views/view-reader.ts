import { Injectable } from '@nestjs/common';
import type { KeyRange } from '../../../libs/projections/src/key-range.js';
import { ProjectionEngine } from '../../../libs/projections/src/projection-engine.js';
import { ViewNotReady } from './view-not-ready.error.js';

/** Read-your-writes: how long a query waits for `minPosition` (the contract's 5 s). */
const MIN_POSITION_WAIT_MS = 5000;

/** Loads a view's documents, first waiting for `minPosition` when the caller asked for one. */
@Injectable()
export class ViewReader {
  constructor(private readonly engine: ProjectionEngine) {}

  async read<Doc>(view: string, range: KeyRange, minPosition?: number): Promise<{ position: number; docs: Map<string, Doc> }> {
    if (minPosition !== undefined && !(await this.engine.waitForPosition(view, minPosition, MIN_POSITION_WAIT_MS))) {
      throw new ViewNotReady(view, minPosition);
    }
    return this.engine.loadDocs<Doc>(view, range);
  }
}
