import { Server, ServerCredentials, type ServerReadableStream, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { serveAppend, serveAppendSession } from './stub-appends.js';
import { serveRead } from './stub-reads.js';
import { createRequire } from 'node:module';

// The client's own generated protocol code, so the stub speaks exactly what client 1.3.1 sends.
const require = createRequire(import.meta.url);
const PROTOCOLS = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/';
/* eslint-disable @typescript-eslint/no-explicit-any */
const services = require(`${PROTOCOLS}streams_grpc_pb.js`);
const features = require(`${PROTOCOLS}serverfeatures_pb.js`);
const featureServices = require(`${PROTOCOLS}serverfeatures_grpc_pb.js`);
const V2 = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/';
const servicesV2 = require(`${V2}streams_grpc_pb.js`);

/** A record of the stub's `$all`: positions are byte offsets, as on a server. */
export interface StubRecord {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  data: unknown;
  metadata?: unknown;
  /** Non-JSON records (bytes written by other tools) are never handed out by the adapter. */
  isJson?: boolean;
  created?: Date;
}

/** What a read asked for, as the server saw it. */
export interface SeenRead {
  target: 'all' | 'stream';
  count: number;
  requiresLeader: boolean;
}

/**
 * A loopback gRPC server answering the Streams.Read call the way KurrentDB 25.1 does: a filtered
 * `$all` read counts matching records only (Enumerator.ReadAllForwardsFiltered.cs), forwards it
 * includes the record at its start, and a start that is no record's position is refused
 * (StorageReaderWorker.All.cs). Every read is recorded, with the calls still open.
 */
export class KurrentDbGrpcStub {
  readonly reads: SeenRead[] = [];
  /** Append calls that reached the server. */
  appendCalls = 0;
  /** The next appends to store and then answer with UNAVAILABLE, as when the leader goes during the call. */
  loseAnswers = 0;
  open = 0;
  /** Property values of multi-stream appends, as they came (the client sends strings only). */
  readonly propertyValues: unknown[] = [];
  private readonly server = new Server();
  private port = 0;

  constructor(readonly log: StubRecord[]) {
    this.server.addService(services.StreamsService, {
      read: (call: ServerWritableStream<any, any>) => serveRead(this, call),
      append: (call: ServerReadableStream<any, any>, answer: sendUnaryData<any>) => serveAppend(this, call, answer),
    });
    // Says it is a 25.1 server: multi-stream appends (protocol v2) but no batch appends.
    this.server.addService(featureServices.ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, answer: sendUnaryData<any>) => {
        const method = new features.SupportedMethod();
        method.setServiceName('kurrentdb.protocol.v2.streams.StreamsService');
        method.setMethodName('AppendSession');
        const supported = new features.SupportedMethods();
        supported.setMethodsList([method]);
        supported.setEventStoreServerVersion('25.1.4');
        answer(null, supported);
      },
    });
    this.server.addService(servicesV2.StreamsServiceService, {
      appendSession: (call: ServerReadableStream<any, any>, answer: sendUnaryData<any>) => serveAppendSession(this, call, answer),
    });
  }

  async start(): Promise<string> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    return `kurrentdb://127.0.0.1:${this.port}?tls=false`;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  stop(): void {
    this.server.forceShutdown();
  }
}

/** `count` events of office 0314 at byte-offset positions of uneven spacing, as a server writes them. */
export function stubLog(count: number): StubRecord[] {
  let position = 1000;
  return Array.from({ length: count }, (_, n) => ({
    id: `0190c7a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    streamId: `office-0314.case-${n}`,
    revision: 0,
    position: (position += 120 + (n % 7) * 31),
    type: 'ContactRecorded',
    data: { n },
    metadata: { actor: 'Z123456', officeNumber: '0314', commandId: `c${n}`, correlationId: 'c', causationId: 'c', schemaVersion: 1 },
  }));
}
