import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { pseudonymiseClient } from '../shared/values/personal-id.js';

/** Turns a validated personal id number into the clientRef, at the edge: nothing past it sees the number. */
@Injectable()
export class ClientPseudonymiser {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  clientRefOf(personId: string): string {
    return pseudonymiseClient(personId, this.config.clientRefSecret);
  }
}
