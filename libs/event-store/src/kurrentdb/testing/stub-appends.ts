import type { ServerReadableStream, sendUnaryData } from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import type { KurrentDbGrpcStub } from './kurrentdb-grpc-stub.js';

// The client's own generated protocol code, so the stub speaks exactly what client 1.3.1 sends.
const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const streams = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js');
const shared = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js');
const streamsV2 = require('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb.js');

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
 * A multi-stream append: all or nothing. Its records' properties become the metadata v1 reads
 * hand out, as JSON with the server's `$schema.*` keys added (EventRecord.cs, KurrentDB 25.1).
 */
export function serveAppendSession(stub: KurrentDbGrpcStub, call: ServerReadableStream<any, any>, answer: sendUnaryData<any>): void {
  const requests: any[] = [];
  call.on('data', (request) => requests.push(request));
  call.on('end', () => {
    for (const request of requests) {
      const current = stub.log.filter((r) => r.streamId === request.getStream()).length - 1;
      const expected = Number(request.getExpectedRevision());
      if ((expected >= 0 && expected !== current) || (expected === -1 && current >= 0)) {
        return answer({ code: 9, details: `wrong expected revision for ${request.getStream()}` }, null);
      }
    }
    const response = new streamsV2.AppendSessionResponse();
    let position = (stub.log.at(-1)?.position ?? 0) + 211;
    for (const request of requests) {
      const streamId = request.getStream();
      const first = stub.log.filter((r) => r.streamId === streamId).length;
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
      const output = new streamsV2.AppendResponse();
      output.setStream(streamId);
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
