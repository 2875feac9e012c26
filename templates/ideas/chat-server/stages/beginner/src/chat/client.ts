// A terminal chat client: `npm run client -- --name Ann [--url http://localhost:3000]`.
// Each line you type is sent as a message; messages, joins and leaves from others are printed.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'guest' },
    url: { type: 'string', default: 'http://localhost:3000' },
  },
});

const socket = io(values.url, { auth: { name: values.name } });

socket.on('connect_error', (error) => {
  console.error(`Cannot connect to ${values.url}: ${error.message}`);
});
socket.on('welcome', ({ name, online }: { name: string; online: number }) => {
  console.log(`Connected as ${name}; ${String(online)} online. Type a message, Ctrl+D to leave.`);
});
socket.on('joined', ({ name, online }: { name: string; online: number }) => {
  console.log(`→ ${name} joined (${String(online)} online)`);
});
socket.on('left', ({ name, online }: { name: string; online: number }) => {
  console.log(`← ${name} left (${String(online)} online)`);
});
socket.on('message', ({ name, text }: { name: string; text: string }) => {
  console.log(`${name}: ${text}`);
});
socket.on('chat-error', ({ message }: { message: string }) => {
  console.error(`! ${message}`);
});

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  socket.emit('message', { text: line });
});
// End of input (Ctrl+D, or the end of a piped file): leave the chat and let the process end.
// Lines just typed may still be on their way; closing now would drop them, so wait for the
// connection's write buffer to drain first.
input.on('close', () => {
  const engine = socket.io.engine;
  if (engine.writeBuffer.length === 0) socket.close();
  else engine.once('drain', () => socket.close());
});
