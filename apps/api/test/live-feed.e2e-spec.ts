import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveFeedOptions } from '../src/feed/live-feed';
import { startTestApp, type TestApp } from './test-app';

const run = randomUUID().slice(0, 8);

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A real HTTP client reading an event stream; `next` waits for the next message that matches. */
class SseClient {
  readonly messages: SseMessage[] = [];
  private buffer = '';
  private seen = 0;
  private notify = () => undefined as void;

  constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const message: SseMessage = {};
        for (const line of this.buffer.slice(0, end).split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === '') message.comment = value;
          else (message as Record<string, string>)[field] = value;
        }
        this.buffer = this.buffer.slice(end + 2);
        this.messages.push(message);
      }
      this.notify();
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) =>
      get(url, { headers }, (res) => resolve(new SseClient(res))).on('error', reject),
    );
  }

  async next(match: (m: SseMessage) => boolean = (m) => m.event === 'development', timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.seen < this.messages.length) {
        const message = this.messages[this.seen++];
        if (match(message)) return message;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.notify = () => (clearTimeout(timer), resolve());
      });
    }
  }

  close() {
    this.response.destroy();
  }
}

describe('HTTP: live developments feed (Server-Sent Events)', () => {
  let api: TestApp;
  let base: string;
  let closed = false;
  beforeAll(async () => {
    api = await startTestApp();
    Object.assign(api.app.get(LiveFeedOptions), { heartbeatMs: 300, pollMs: 50 });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => (closed ? undefined : api?.close()));

  const record = async (speaker: string) => {
    const response = await api.request('POST', '/v1/statements', statementBody({ speaker }));
    expect(response.status).toBe(201);
    await api.settle(response.body);
    return response.body as { id: string; position: string };
  };

  it('streams a new statement, then resumes after Last-Event-ID with exactly what was missed', async () => {
    const first = await SseClient.open(`${base}/v1/feed/live`);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(first.response.headers['x-correlation-id']).toBeDefined();
    await first.next((m) => m.comment === 'connected');

    const one = await record(`Live ${run} one`);
    const message = await first.next();
    expect(message.id).toBe(one.position);
    expect(JSON.parse(message.data!)).toMatchObject({
      kind: 'statement',
      recordId: one.id,
      position: one.position,
      eventType: 'StatementRecorded',
    });
    first.close();

    const two = await record(`Live ${run} two`);
    const three = await record(`Live ${run} three`);
    const resumed = await SseClient.open(`${base}/v1/feed/live`, { 'last-event-id': one.position });
    const missed = [await resumed.next(), await resumed.next()];
    expect(missed.map((m) => m.id)).toEqual([two.position, three.position]);
    expect(missed.map((m) => JSON.parse(m.data!).recordId)).toEqual([two.id, three.id]);
    // Nothing else follows: the next thing on the wire is a heartbeat, not a repeat.
    await resumed.next((m) => m.comment === 'heartbeat' || m.event === 'development', 2000);
    expect(resumed.messages.filter((m) => m.event === 'development')).toHaveLength(2);
    resumed.close();
  });

  it('resumes from ?lastEventId, filters by kind, and sends heartbeats while idle', async () => {
    const before = await record(`Live ${run} before`);
    const entity = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `Live ${run} Co` }));
    const stream = await SseClient.open(`${base}/v1/feed/live?kind=sanctioned-entity&lastEventId=${before.position}`);
    const message = await stream.next();
    expect(message.id).toBe(entity.body.position);
    expect(JSON.parse(message.data!).kind).toBe('sanctioned-entity');
    await stream.next((m) => m.comment === 'heartbeat', 2000);
    stream.close();
  });

  it('answers a malformed Last-Event-ID or kind with 400 problem+json', async () => {
    const badHeader = await SseClient.open(`${base}/v1/feed/live`, { 'last-event-id': 'yesterday' });
    expect(badHeader.response.statusCode).toBe(400);
    expect(badHeader.response.headers['content-type']).toContain('application/problem+json');
    badHeader.close();
    const badKind = await api.request('GET', '/v1/feed/live?kind=rumour');
    expect(badKind.status).toBe(400);
  });

  it('ends open streams when the application shuts down', async () => {
    const stream = await SseClient.open(`${base}/v1/feed/live`);
    await stream.next((m) => m.comment === 'connected');
    const ended = new Promise<void>((resolve) => stream.response.on('end', resolve).on('close', resolve));
    closed = true;
    await api.close();
    await ended;
  });
});
