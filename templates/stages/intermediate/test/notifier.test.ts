// The external service and its fake. The webhook is tested against a real HTTP server on this
// machine: the real code path, and still no internet.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNotifier,
  LocalNotifier,
  notifier,
  WebhookNotifier,
} from '../src/services/notifier.js';

let server: Server;
let url = '';
const received: { body: unknown; contentType: string | undefined }[] = [];
let answerWith = 204;

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    readBody(req).then(
      (text) => {
        received.push({ body: JSON.parse(text), contentType: req.headers['content-type'] });
        res.writeHead(answerWith).end();
      },
      () => res.writeHead(500).end(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

describe('notifier', () => {
  it('is the local fake when NOTIFY_WEBHOOK_URL is not set (tests, development)', async () => {
    expect(notifier).toBeInstanceOf(LocalNotifier);
    const fake = new LocalNotifier();
    await fake.notify({ event: 'thing.done', data: { id: 1 } });
    expect(fake.sent).toEqual([{ event: 'thing.done', data: { id: 1 } }]);
  });

  it('is a webhook when a URL is configured, and POSTs JSON to it', async () => {
    const webhook = createNotifier(url);
    expect(webhook).toBeInstanceOf(WebhookNotifier);
    await webhook.notify({ event: 'thing.done', data: { id: 2 } });
    expect(received.at(-1)).toEqual({
      body: { event: 'thing.done', data: { id: 2 }, sentAt: expect.any(String) as string },
      contentType: 'application/json',
    });
  });

  it('fails when the service answers with an error', async () => {
    answerWith = 503;
    await expect(new WebhookNotifier(url).notify({ event: 'x', data: {} })).rejects.toThrow(/503/);
    answerWith = 204;
  });
});
