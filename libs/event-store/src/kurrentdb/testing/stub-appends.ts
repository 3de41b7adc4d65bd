import { Metadata, type ServerReadableStream, type StatusObject, type sendUnaryData } from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import type { KurrentDbGrpcStub } from './kurrentdb-grpc-stub.js';

// The client's own generated protocol code, so the stub speaks exactly what client 1.3.1 sends.
const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const streams = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js');
const shared = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js');
const streamsV2 = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb.js');
const errorsV2 = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/errors_pb.js');
const rpcStatus = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb.js');
const { Any } = require('google-protobuf/google/protobuf/any_pb.js');

/**
 * Appends as the server does with no cache of recent writes (just restarted, or the write
 * long evicted): ids already at the expected place are a retry answered with the current
 * revision and no position; under `any` they are written again.
 */
export function serveAppend(stub: KurrentDbGrpcStub, call: ServerReadableStream<any, any>, answer: sendUnaryData<any>): void {
  stub.appendCalls++;
  const messages: any[] = [];
  call.on('data', (message) => messages.push(message));
  call.on('end', () => {
    const header = messages[0].getOptions();
    const options = header.toObject();
    const streamId = Buffer.from(options.streamIdentifier.streamName, 'base64').toString();
    const proposed = messages.slice(1).map((m) => m.getProposedMessage());
    const existing = stub.log.filter((r) => r.streamId === streamId);
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
    let position = (stub.log.at(-1)?.position ?? 0) + 211;
    proposed.forEach((m, i) => {
      stub.log.push({
        id: ids[i]!,
        streamId,
        revision: current + 1 + i,
        position: (position += 173),
        type: m.getMetadataMap().get('type'),
        data: JSON.parse(Buffer.from(m.getData_asU8()).toString()),
        metadata: JSON.parse(Buffer.from(m.getCustomMetadata_asU8()).toString() || '{}'),
      });
    });
    if (stub.loseAnswers > 0) {
      stub.loseAnswers--;
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

/**
 * A multi-stream append as KurrentDB 25.1 decides it: all or nothing, each stream checked on its
 * own (IndexWriter.cs, `CheckCommit`). Ids already at the expected place of that stream are a
 * retry (nothing written, the current revision answered); ids stored in another stream are no
 * concern of the server. A wrong expected revision refuses the whole transaction with the
 * server's rich error, FAILED_PRECONDITION carrying `StreamRevisionConflictErrorDetails`, which
 * client 1.3.1 turns into a WrongExpectedVersionError naming the stream. Its records' properties
 * become the metadata v1 reads hand out, as JSON with the server's `$schema.*` keys added
 * (EventRecord.cs).
 */
export function serveAppendSession(stub: KurrentDbGrpcStub, call: ServerReadableStream<any, any>, answer: sendUnaryData<any>): void {
  stub.appendCalls++;
  const requests: any[] = [];
  call.on('data', (request) => requests.push(request));
  call.on('end', () => {
    const retried = new Set<any>();
    for (const request of requests) {
      const existing = stub.log.filter((r) => r.streamId === request.getStream());
      const current = existing.length - 1;
      const expected = Number(request.getExpectedRevision());
      const ids: string[] = request.getRecordsList().map((record: any) => record.getRecordId());
      if (expected >= -1 && ids.every((id, i) => existing[expected + 1 + i]?.id === id)) retried.add(request);
      else if ((expected >= 0 && expected !== current) || (expected === -1 && current >= 0) || (expected === -4 && current < 0)) {
        return answer(revisionConflict(request.getStream(), expected, current), null);
      }
    }
    const response = new streamsV2.AppendSessionResponse();
    let position = (stub.log.at(-1)?.position ?? 0) + 211;
    for (const request of requests) {
      const streamId = request.getStream();
      const first = stub.log.filter((r) => r.streamId === streamId).length;
      const output = new streamsV2.AppendResponse();
      output.setStream(streamId);
      if (retried.has(request)) {
        output.setStreamRevision(String(Number(request.getExpectedRevision()) + request.getRecordsList().length));
        response.addOutput(output);
        continue;
      }
      request.getRecordsList().forEach((record: any, i: number) => {
        const properties: Record<string, unknown> = {};
        for (const [key, value] of record.getPropertiesMap().entries()) {
          stub.propertyValues.push(value.toJavaScript());
          properties[key] = value.toJavaScript();
        }
        const type = record.getSchema().getName();
        stub.log.push({
          id: record.getRecordId(),
          streamId,
          revision: first + i,
          position: (position += 173),
          type,
          data: JSON.parse(Buffer.from(record.getData_asU8()).toString()),
          metadata: { ...properties, '$schema.name': type, '$schema.format': 'Json' },
        });
      });
      output.setStreamRevision(String(first + request.getRecordsList().length - 1));
      output.setPosition(String(position));
      response.addOutput(output);
    }
    response.setPosition(String(position));
    if (stub.loseAnswers > 0) {
      stub.loseAnswers--;
      return answer({ code: 14, details: 'Leader changed' }, null);
    }
    answer(null, response);
  });
}

/** The server's refusal of a multi-stream append, for its first failed stream (StreamsService.cs, ApiErrors.cs in 25.1). */
function revisionConflict(stream: string, expected: number, actual: number): Partial<StatusObject> {
  const details = new errorsV2.StreamRevisionConflictErrorDetails();
  details.setStream(stream);
  details.setExpectedRevision(String(expected));
  details.setActualRevision(String(actual));
  const packed = new Any();
  packed.pack(details.serializeBinary(), 'kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails');
  const status = new rpcStatus.Status();
  status.setCode(9);
  status.setMessage(`Append failed due to a revision conflict on stream '${stream}'.`);
  status.setDetails(packed);
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(status.serializeBinary()));
  return { code: 9, details: status.getMessage(), metadata };
}
