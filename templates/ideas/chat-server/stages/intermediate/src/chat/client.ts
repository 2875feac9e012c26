// A terminal chat client:
//   npm run client -- --email ann@example.com --password 'correct horse battery staple' \
//     [--name Ann --register] [--room general] [--url http://localhost:3000]
// It logs in (or registers) over HTTP, opens the room (creating it if nobody has), joins it,
// prints the last messages, then connects the socket with the token. Each line you type is a
// message; Ctrl+D leaves.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string', default: 'guest' },
    register: { type: 'boolean', default: false },
    room: { type: 'string', default: 'general' },
    url: { type: 'string', default: 'http://localhost:3000' },
  },
});

interface Message {
  author: { name: string };
  text: string;
}

/** One JSON request; throws with the API's own error message on a 4xx or 5xx. */
async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, values.url), {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = (text ? JSON.parse(text) : null) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(`${method} ${path}: ${json.error?.message ?? response.status}`);
  return json;
}

async function logIn(): Promise<string> {
  const { email, password, name } = values;
  if (!email || !password)
    throw new Error('Give --email and --password (and --register --name to sign up).');
  const path = values.register ? '/auth/register' : '/auth/login';
  const body = values.register ? { name, email, password } : { email, password };
  return (await api<{ token: string }>('POST', path, undefined, body)).token;
}

/** The room's id, creating the room when nobody has yet; the user joins it either way. */
async function openRoom(token: string): Promise<string> {
  const name = encodeURIComponent(values.room);
  const found = await api<{ data: { id: string }[] }>('GET', `/rooms?name=${name}`, token);
  const id =
    found.data[0]?.id ??
    (await api<{ id: string }>('POST', '/rooms', token, { name: values.room })).id;
  await api('PUT', `/rooms/${id}/members/me`, token);
  return id;
}

const token = await logIn();
const room = await openRoom(token);
const history = await api<{ data: Message[] }>('GET', `/rooms/${room}/messages?limit=20`, token);
// The API answers newest first; a chat reads oldest first.
for (const message of history.data.reverse())
  console.log(`${message.author.name}: ${message.text}`);

const socket = io(values.url, { auth: { token } });

socket.on('connect_error', (error) => {
  console.error(`Cannot connect to ${values.url}: ${error.message}`);
});
socket.on('connect', () => {
  socket.emit('join', { room }, (answer: { ok: boolean; online?: { name: string }[] }) => {
    const names = answer.online?.map((user) => user.name).join(', ') ?? '';
    console.log(`In #${values.room} with ${names}. Type a message, Ctrl+D to leave.`);
  });
});
socket.on('presence', ({ online }: { online: { name: string }[] }) => {
  console.log(`(online: ${online.map((user) => user.name).join(', ')})`);
});
socket.on('message', (message: Message) => {
  console.log(`${message.author.name}: ${message.text}`);
});
socket.on('chat-error', ({ message }: { message: string }) => {
  console.error(`! ${message}`);
});

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  socket.emit('message', { room, text: line });
});
// End of input (Ctrl+D, or the end of a piped file): leave once what was typed has been sent.
input.on('close', () => {
  const engine = socket.io.engine;
  if (engine.writeBuffer.length === 0) socket.close();
  else engine.once('drain', () => socket.close());
});
