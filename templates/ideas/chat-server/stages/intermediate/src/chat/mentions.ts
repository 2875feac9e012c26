// `@ann` in a message notifies Ann, through the app's notifier (src/services/notifier.ts): a
// webhook in production, a local fake that logs in development and tests. Only members of the
// room are notified (a mention must not tell outsiders what was said), never the author, and at
// most MAX_MENTIONS people per message (one message must not become a flood of notifications).
import { trusted } from 'mongoose';
import { UserModel } from '../auth/user.model.js';
import { notifier as defaultNotifier, type Notifier } from '../services/notifier.js';
import type { MessageJson } from './message.model.js';
import { MembershipModel } from './membership.model.js';

export const MAX_MENTIONS = 5;

/** `"hi @ann and @bob-2"` → `['ann', 'bob-2']`: each name once, at most MAX_MENTIONS. */
export function mentionedNames(text: string): string[] {
  const names = [...text.matchAll(/(?<![\w@])@([\p{L}\p{N}_-]{1,100})/gu)].map((match) => match[1]);
  return [...new Set(names.filter((name) => name !== undefined))].slice(0, MAX_MENTIONS);
}

/** Notifies the members mentioned in `message`; resolves with how many were notified. */
export async function notifyMentions(
  message: MessageJson,
  roomName: string,
  notifier: Notifier = defaultNotifier,
): Promise<number> {
  const names = mentionedNames(message.text);
  if (names.length === 0) return 0;
  // `trusted`: these operators are the code's own, not client input (see message.routes.ts).
  const named = await UserModel.find({
    name: trusted({ $in: names }),
    _id: trusted({ $ne: message.author.id }),
  })
    .select('_id')
    .limit(MAX_MENTIONS)
    .lean();
  const members = await MembershipModel.find({
    room: message.room,
    user: trusted({ $in: named.map((user) => user._id) }),
  })
    .select('user')
    .lean();
  for (const member of members) {
    await notifier.notify({
      event: 'chat.mention',
      data: {
        to: member.user.toString(),
        from: message.author.name,
        room: message.room,
        roomName,
        messageId: message.id,
        text: message.text,
      },
    });
  }
  return members.length;
}
