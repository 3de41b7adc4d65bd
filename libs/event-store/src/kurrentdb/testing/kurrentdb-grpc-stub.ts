import { Server, ServerCredentials, type ServerReadableStream, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { createRequire } from 'node:module';

// The client's own generated protocol code, so the stub speaks exactly what client 1.3.1 sends.
const require = createRequire(import.meta.url);
const PROTOCOLS = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/';
/* eslint-disable @typescript-eslint/no-explicit-any */
const services = require(`${PROTOCOLS}streams_grpc_pb.js`);
const streams = require(`${PROTOCOLS}streams_pb.js`);
const shared = require(`${PROTOCOLS}shared_pb.js`);

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
  private readonly server = new Server();
  private port = 0;

  constructor(readonly log: StubRecord[]) {
    this.server.addService(services.StreamsService, {
      read: (call: ServerWritableStream<any, any>) => this.read(call),
      append: (call: ServerReadableStream<any, any>, answer: sendUnaryData<any>) => this.append(call, answer),
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

  private read(call: ServerWritableStream<any, any>): void {
    this.open++;
    let ended = false;
    const end = () => {
      if (!ended) this.open--;
      ended = true;
    };
    call.on('close', end);
    call.on('cancelled', end);
    const request = call.request.getOptions();
    const options = request.toObject();
    if (options.subscription) return this.subscribe(call, request, options);
    const count = Number(options.count);
    this.reads.push({ target: options.all ? 'all' : 'stream', count, requiresLeader: call.metadata.get('requires-leader')[0] === 'true' });
    const backwards = options.readDirection === 1;
    let records: StubRecord[];
    if (options.all) {
      const at = request.getAll().hasPosition() ? options.all.position.commitPosition : undefined;
      if (at !== undefined && !this.log.some((r) => r.position === Number(at))) {
        call.emit('error', { code: 3, details: 'Trying to read from an invalid position.' });
        return;
      }
      records = this.log.filter((r) => at === undefined || (backwards ? r.position < Number(at) : r.position >= Number(at)));
      records = records.filter((r) => matches(options.filter, r));
    } else {
      const name = Buffer.from(options.stream.streamIdentifier.streamName, 'base64').toString();
      const from = request.getStream().hasRevision() ? Number(options.stream.revision) : undefined;
      records = this.log.filter((r) => r.streamId === name && (from === undefined || (backwards ? r.revision <= from : r.revision >= from)));
    }
    if (backwards) records = [...records].reverse();
    for (const record of records.slice(0, count)) call.write(toReadResp(record));
    call.end();
  }

  /** A `$all` subscription: confirmed, then what is stored after its position, then it stays open. */
  private subscribe(call: ServerWritableStream<any, any>, request: any, options: any): void {
    const after = request.getAll().hasPosition() ? Number(options.all.position.commitPosition) : undefined;
    const confirmation = new streams.ReadResp();
    const confirmed = new streams.ReadResp.SubscriptionConfirmation();
    confirmed.setSubscriptionId('stub');
    confirmation.setConfirmation(confirmed);
    call.write(confirmation);
    for (const record of this.log) {
      if ((after === undefined || record.position > after) && matches(options.filter, record)) call.write(toReadResp(record));
    }
  }

  /**
   * Appends as the server does with no cache of recent writes (just restarted, or the write
   * long evicted): ids already at the expected place are a retry answered with the current
   * revision and no position; under `any` they are written again.
   */
  private append(call: ServerReadableStream<any, any>, answer: sendUnaryData<any>): void {
    this.appendCalls++;
    const messages: any[] = [];
    call.on('data', (message) => messages.push(message));
    call.on('end', () => {
      const header = messages[0].getOptions();
      const options = header.toObject();
      const streamId = Buffer.from(options.streamIdentifier.streamName, 'base64').toString();
      const proposed = messages.slice(1).map((m) => m.getProposedMessage());
      const existing = this.log.filter((r) => r.streamId === streamId);
      const current = existing.length - 1;
      const expected = header.hasRevision() ? Number(options.revision) : header.hasNoStream() ? -1 : undefined;
      const ids = proposed.map((m) => m.getId().getString());
      const response = new streams.AppendResp();
      const success = new streams.AppendResp.Success();
      if (expected !== undefined && ids.every((id, i) => existing[expected + 1 + i]?.id === id)) {
        success.setCurrentRevision(String(expected + ids.length));
        success.setNoPosition(new shared.Empty());
        response.setSuccess(success);
        return answer(null, response);
      }
      if (expected !== undefined && expected !== current) {
        const wrong = new streams.AppendResp.WrongExpectedVersion();
        if (current >= 0) wrong.setCurrentRevision(String(current));
        else wrong.setCurrentNoStream(new shared.Empty());
        response.setWrongExpectedVersion(wrong);
        return answer(null, response);
      }
      let position = (this.log.at(-1)?.position ?? 0) + 211;
      proposed.forEach((m, i) => {
        this.log.push({
          id: ids[i]!,
          streamId,
          revision: current + 1 + i,
          position: (position += 173),
          type: m.getMetadataMap().get('type'),
          data: JSON.parse(Buffer.from(m.getData_asU8()).toString()),
          metadata: JSON.parse(Buffer.from(m.getCustomMetadata_asU8()).toString() || '{}'),
        });
      });
      if (this.loseAnswers > 0) {
        this.loseAnswers--;
        return answer({ code: 14, details: 'Leader changed' }, null);
      }
      const at = new streams.AppendResp.Position();
      at.setCommitPosition(String(position));
      at.setPreparePosition(String(position));
      success.setCurrentRevision(String(current + ids.length));
      success.setPosition(at);
      response.setSuccess(success);
      answer(null, response);
    });
  }
}

function matches(filter: any, record: StubRecord): boolean {
  if (!filter) return true;
  const expression = filter.streamIdentifier ?? filter.eventType;
  const subject = filter.streamIdentifier ? record.streamId : record.type;
  if (expression.prefixList.length > 0) return expression.prefixList.some((p: string) => subject.startsWith(p));
  return new RegExp(expression.regex).test(subject);
}

function toReadResp(record: StubRecord): unknown {
  const event = new streams.ReadResp.ReadEvent.RecordedEvent();
  const id = new shared.UUID();
  id.setString(record.id);
  event.setId(id);
  const stream = new shared.StreamIdentifier();
  stream.setStreamName(Buffer.from(record.streamId));
  event.setStreamIdentifier(stream);
  event.setStreamRevision(String(record.revision));
  event.setPreparePosition(String(record.position));
  event.setCommitPosition(String(record.position));
  const created = BigInt((record.created ?? new Date()).getTime()) * 10_000n;
  event.getMetadataMap().set('type', record.type);
  event.getMetadataMap().set('content-type', record.isJson === false ? 'application/octet-stream' : 'application/json');
  event.getMetadataMap().set('created', String(created));
  event.setCustomMetadata(Buffer.from(JSON.stringify(record.metadata ?? {})));
  event.setData(Buffer.from(record.isJson === false ? 'raw bytes' : JSON.stringify(record.data)));
  const read = new streams.ReadResp.ReadEvent();
  read.setEvent(event);
  read.setNoPosition(new shared.Empty());
  const response = new streams.ReadResp();
  response.setEvent(read);
  return response;
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
    metadata: { actor: 'Z123456', officeNumber: '0314', commandId: `c${n}`, correlationId: `c${n}`, causationId: `c${n}`, schemaVersion: 1 },
  }));
}
