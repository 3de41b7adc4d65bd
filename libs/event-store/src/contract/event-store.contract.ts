import type { EventStore } from '../event-store.port.js';
import { expectedRevisionContract } from './expected-revision.contract.js';
import { appendContract } from './append.contract.js';
import { readContract } from './read.contract.js';
import { concurrencyContract } from './concurrency.contract.js';
import { subscriptionContract } from './subscription.contract.js';
import { invalidInputContract } from './invalid-input.contract.js';
import { multiStreamContract } from './multi-stream.contract.js';

export interface ContractHarness {
  store: EventStore;
  dispose(): Promise<void>;
}

/** Lets each part of the suite reach the store the harness made for this run. */
export type StoreRef = () => EventStore;

/**
 * The behaviour every EventStore adapter must show. The harness may hand every test the same
 * store, so tests only look at streams and positions they made themselves.
 */
export function describeEventStoreContract(adapterName: string, harness: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let made: ContractHarness | undefined;
    const store: StoreRef = () => {
      if (!made) throw new Error('the contract harness did not start');
      return made.store;
    };
    beforeAll(async () => {
      made = await harness();
    });
    afterAll(async () => {
      await made?.dispose();
    });

    expectedRevisionContract(store);
    appendContract(store);
    readContract(store);
    concurrencyContract(store);
    subscriptionContract(store);
    invalidInputContract(store);
    multiStreamContract(store);
  });
}
