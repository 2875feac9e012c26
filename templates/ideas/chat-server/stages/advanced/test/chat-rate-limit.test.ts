// Guard for mistake:ignoring-security on the socket: a user who sends more than
// CHAT_RATE_LIMIT_MAX messages in a window gets `rate_limited` for the next one, on every socket
// they open, and stays connected.
import { describe, expect, it } from 'vitest';
import { messageRateLimit } from '../src/chat/message-rate-limit.js';
import { MessageModel } from '../src/chat/message.model.js';
import { config } from '../src/config.js';
import { emitWithAck, next, roomWith, useChatServer } from './chat-clients.js';

const chat = useChatServer();

describe('the per-user message rate limit', () => {
  it('refuses the message over the limit with an error event, and the socket stays', async () => {
    const ann = await chat.user('Ann');
    const room = await roomWith(chat, 'flood', ann);
    const first = await chat.connect(ann.token);
    const second = await chat.connect(ann.token);
    await emitWithAck(first, 'join', { room });
    await emitWithAck(second, 'join', { room });

    const limit = config.chatRateLimitMax;
    // Half from each socket: the limit is the user's, not the connection's.
    for (let sent = 0; sent < limit; sent += 1) {
      const client = sent % 2 === 0 ? first : second;
      const answer = await emitWithAck(client, 'message', { room, text: `m${String(sent)}` });
      expect(answer.ok, `message ${String(sent)}`).toBe(true);
    }
    const error = next<{ code: string }>(second, 'chat-error');
    const refused = await emitWithAck(second, 'message', { room, text: 'one too many' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await error).toMatchObject({ event: 'message', code: 'rate_limited' });
    expect(second.connected).toBe(true);
    expect(await MessageModel.countDocuments()).toBe(limit);
    // Other events still work: the socket was slowed down, not dropped.
    expect((await emitWithAck(second, 'online', { room })).ok).toBe(true);
  }, 30_000);

  it('counts each user separately and starts again in the next window', async () => {
    const allow = messageRateLimit({ limit: 2, windowSeconds: 1 });
    const ann = { id: `ann-${String(Date.now())}`, name: 'Ann' };
    const bob = { id: `bob-${String(Date.now())}`, name: 'Bob' };
    // Start at the beginning of a window, so the three calls below fall in the same one.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
    expect([await allow(ann), await allow(ann), await allow(ann)]).toEqual([true, true, false]);
    expect(await allow(bob)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await allow(ann)).toBe(true);
  });
});
