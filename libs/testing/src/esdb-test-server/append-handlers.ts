import { status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, ExpectedState, InMemoryLog, ProposedEvent } from './in-memory-log';
import { empty, proposedEvent, streamIdentifier, streamNameOf, uuidToString } from './wire-codec';

/**
 * `Streams.Append` (client streaming: options, then one message per event). A wrong
 * expected version is an ordinary reply carrying `wrong_expected_version`, not a gRPC error.
 */
export function appendHandler(log: InMemoryLog) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(proposedEvent(request.getProposedMessage()!));
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options) {
        callback({ code: status.INVALID_ARGUMENT, details: 'Append needs options first' });
        return;
      }
      const expected = appendExpectation(options);
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
      callback(null, appendResponse(outcome, expected));
    });
  };
}

/**
 * `Streams.BatchAppend` (bidirectional, one long-lived call per client). Requests are
 * grouped by correlation id until `is_final`; failures travel as a packed google.rpc.Status.
 */
export function batchAppendHandler(log: InMemoryLog) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, { options?: BatchAppendReq.Options; proposed: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const key = uuidToString(request.getCorrelationId());
      const batch = pending.get(key) ?? { proposed: [] };
      pending.set(key, batch);
      if (request.hasOptions()) batch.options = request.getOptions();
      for (const message of request.getProposedMessagesList()) batch.proposed.push(proposedEvent(message));
      if (!request.getIsFinal()) return;
      pending.delete(key);
      if (!batch.options) {
        call.emit('error', { code: status.INVALID_ARGUMENT, details: 'BatchAppend needs options first' });
        return;
      }
      const streamName = streamNameOf(batch.options.getStreamIdentifier());
      const expected = batchExpectation(batch.options);
      const outcome = log.append(streamName, expected, batch.proposed);
      if (!call.cancelled) call.write(batchResponse(request, streamName, outcome, expected));
    });
    call.on('error', () => undefined);
    call.on('end', () => call.end());
  };
}

function appendExpectation(options: AppendReq.Options): ExpectedState {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function batchExpectation(options: BatchAppendReq.Options): ExpectedState {
  const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (outcome.ok) {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === undefined) success.setNoStream(empty());
    else success.setCurrentRevision(outcome.currentRevision.toString(10));
    if (outcome.position === undefined) success.setNoPosition(empty());
    else {
      const position = outcome.position.toString(10);
      success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
    }
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString(10));
  switch (expected.kind) {
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString(10));
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(empty());
      break;
    case 'any':
      wrong.setExpectedAny(empty());
      break;
  }
  return new AppendResp().setWrongExpectedVersion(wrong);
}

function batchResponse(
  request: BatchAppendReq,
  streamName: string,
  outcome: AppendOutcome,
  expected: ExpectedState,
): BatchAppendResp {
  const response = new BatchAppendResp()
    .setCorrelationId(request.getCorrelationId())
    .setStreamIdentifier(streamIdentifier(streamName));
  switch (expected.kind) {
    case 'revision':
      response.setStreamPosition(expected.revision.toString(10));
      break;
    case 'no_stream':
      response.setNoStream(new GoogleEmpty());
      break;
    case 'stream_exists':
      response.setStreamExists(new GoogleEmpty());
      break;
    case 'any':
      response.setAny(new GoogleEmpty());
      break;
  }
  if (outcome.ok) {
    const success = new BatchAppendResp.Success();
    if (outcome.currentRevision === undefined) success.setNoStream(new GoogleEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString(10));
    if (outcome.position === undefined) success.setNoPosition(new GoogleEmpty());
    else {
      const position = outcome.position.toString(10);
      success.setPosition(new AllStreamPosition().setCommitPosition(position).setPreparePosition(position));
    }
    return response.setSuccess(success);
  }
  return response.setError(wrongExpectedVersionStatus(outcome.currentRevision, expected));
}

/** The packed form the client unpacks with `details.unpack(WrongExpectedVersion.deserializeBinary, …)`. */
function wrongExpectedVersionStatus(current: bigint | undefined, expected: ExpectedState): Status {
  const details = new WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(current.toString(10));
  switch (expected.kind) {
    case 'revision':
      details.setExpectedStreamPosition(expected.revision.toString(10));
      break;
    case 'no_stream':
      details.setExpectedNoStream(new GoogleEmpty());
      break;
    case 'stream_exists':
      details.setExpectedStreamExists(new GoogleEmpty());
      break;
    case 'any':
      details.setExpectedAny(new GoogleEmpty());
      break;
  }
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(any);
}
