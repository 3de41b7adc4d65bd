import type { ServerWritableStream } from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import type { KurrentDbGrpcStub, StubRecord } from './kurrentdb-grpc-stub.js';

// The client's own generated protocol code, so the stub speaks exactly what client 1.3.1 sends.
const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const streams = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js');
const shared = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js');

/** Streams.Read as KurrentDB 25.1 answers it (see KurrentDbGrpcStub). */
export function serveRead(stub: KurrentDbGrpcStub, call: ServerWritableStream<any, any>): void {
  stub.open++;
  let ended = false;
  const end = () => {
    if (!ended) stub.open--;
    ended = true;
  };
  call.on('close', end);
  call.on('cancelled', end);
  const request = call.request.getOptions();
  const options = request.toObject();
  if (options.subscription) return serveSubscription(stub, call, request, options);
  const count = Number(options.count);
  stub.reads.push({ target: options.all ? 'all' : 'stream', count, requiresLeader: call.metadata.get('requires-leader')[0] === 'true' });
  const backwards = options.readDirection === 1;
  let records: StubRecord[];
  if (options.all) {
    const at = request.getAll().hasPosition() ? options.all.position.commitPosition : undefined;
    if (at !== undefined && !stub.log.some((r) => r.position === Number(at))) {
      call.emit('error', { code: 3, details: 'Trying to read from an invalid position.' });
      return;
    }
    records = stub.log.filter((r) => at === undefined || (backwards ? r.position < Number(at) : r.position >= Number(at)));
    records = records.filter((r) => matches(options.filter, r));
  } else {
    const name = Buffer.from(options.stream.streamIdentifier.streamName, 'base64').toString();
    const from = request.getStream().hasRevision() ? Number(options.stream.revision) : undefined;
    const inRange = (r: StubRecord) => from === undefined || (backwards ? r.revision <= from : r.revision >= from);
    records = stub.log.filter((r) => r.streamId === name && inRange(r));
  }
  if (backwards) records = [...records].reverse();
  for (const record of records.slice(0, count)) call.write(toReadResp(record));
  call.end();
}

/** A `$all` subscription: confirmed, then what is stored after its position, then it stays open. */
function serveSubscription(stub: KurrentDbGrpcStub, call: ServerWritableStream<any, any>, request: any, options: any): void {
  const after = request.getAll().hasPosition() ? Number(options.all.position.commitPosition) : undefined;
  const confirmation = new streams.ReadResp();
  const confirmed = new streams.ReadResp.SubscriptionConfirmation();
  confirmed.setSubscriptionId('stub');
  confirmation.setConfirmation(confirmed);
  call.write(confirmation);
  for (const record of stub.log) {
    if ((after === undefined || record.position > after) && matches(options.filter, record)) call.write(toReadResp(record));
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
