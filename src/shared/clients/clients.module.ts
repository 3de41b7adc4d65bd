import { Global, Module } from '@nestjs/common';
import { SubjectDirectory } from './subject-directory.js';

/** The pseudonym-to-subject links, for the edge that enrols, the routes that show a client, and erasure. */
@Global()
@Module({
  providers: [SubjectDirectory],
  exports: [SubjectDirectory],
})
export class ClientsModule {}
