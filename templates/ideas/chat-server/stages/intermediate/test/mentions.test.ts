// @mentions through the notifier (the local fake in tests): members are notified, the author,
// outsiders and unknown names are not.
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { mentionedNames, notifyMentions } from '../src/chat/mentions.js';
import { LocalNotifier, notifier } from '../src/services/notifier.js';
import { emitWithAck, roomWith, useChatServer } from './chat-clients.js';

const chat = useChatServer();
const idOf = (user: { token: string }) => (jwt.decode(user.token) as { sub: string }).sub;

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 250 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('mentions', () => {
  it('reads each @name once, not e-mail addresses, at most five', () => {
    expect(mentionedNames('hi @Ann, @bob-2 and @Ann again; mail ann@example.com')).toEqual([
      'Ann',
      'bob-2',
    ]);
    expect(mentionedNames('@a @b @c @d @e @f @g')).toHaveLength(5);
    expect(mentionedNames('no one')).toEqual([]);
  });

  it('notifies the mentioned members of the room through the notifier', async () => {
    expect(notifier).toBeInstanceOf(LocalNotifier);
    const sent = (notifier as LocalNotifier).sent;
    sent.splice(0);
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const eve = await chat.user('Eve');
    const room = await roomWith(chat, 'mentions', ann, [bob]);
    const client = await chat.connect(ann.token);
    await emitWithAck(client, 'join', { room });

    const answer = await emitWithAck(client, 'message', {
      room,
      text: '@Bob @Eve @Ann @Nobody hi',
    });
    expect(answer.ok).toBe(true);
    await until(() => sent.length > 0);
    expect(sent).toEqual([
      {
        event: 'chat.mention',
        data: expect.objectContaining({
          to: idOf(bob),
          from: 'Ann',
          roomName: 'mentions',
          room,
        }) as object,
      },
    ]);
    // Eve was mentioned but is not a member; Ann is the author; Nobody does not exist.
    expect(sent.map((notification) => notification.data.to)).not.toContain(idOf(eve));
  }, 15_000);

  it('sends nothing for a message without mentions', async () => {
    const fake = new LocalNotifier();
    const count = await notifyMentions(
      {
        id: '000000000000000000000001',
        room: '000000000000000000000002',
        author: { id: '000000000000000000000003', name: 'Ann' },
        text: 'hello',
        createdAt: new Date().toISOString(),
      },
      'general',
      fake,
    );
    expect(count).toBe(0);
    expect(fake.sent).toEqual([]);
  });
});
