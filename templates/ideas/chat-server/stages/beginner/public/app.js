// The chat page's code: runs in the browser. History comes over HTTP (`GET /messages`, in the
// HTTP log); new messages arrive over the WebSocket that `io()` opens, pushed by the server.
import { request } from './http-log.js';

const join = document.querySelector('#join');
const send = document.querySelector('#send');
const list = document.querySelector('#messages');
const status = document.querySelector('#status');
const problem = document.querySelector('#problem');

let socket;

function show(line) {
  const item = document.createElement('li');
  // textContent, never innerHTML: a message is someone else's input.
  item.textContent = line;
  list.append(item);
}

join.addEventListener('submit', async (event) => {
  event.preventDefault();
  problem.textContent = '';
  socket?.disconnect();
  list.replaceChildren();
  try {
    const history = await request('GET', '/messages?limit=20');
    // The API answers newest first; a chat reads oldest first.
    for (const message of history.reverse()) show(`${message.name}: ${message.text}`);
  } catch (error) {
    problem.textContent = error.message;
  }
  // `io` is the global from /socket.io/socket.io.js; the name travels in the handshake.
  socket = window.io({ auth: { name: new FormData(join).get('name') } });
  socket.on('welcome', ({ name, online }) => {
    status.textContent = `Connected as ${name}; ${online} online.`;
  });
  socket.on('joined', ({ name, online }) => show(`→ ${name} joined (${online} online)`));
  socket.on('left', ({ name, online }) => show(`← ${name} left (${online} online)`));
  socket.on('message', ({ name, text }) => show(`${name}: ${text}`));
  socket.on('chat-error', ({ message }) => {
    problem.textContent = message;
  });
  socket.on('disconnect', () => {
    status.textContent = 'Disconnected.';
  });
});

send.addEventListener('submit', (event) => {
  event.preventDefault();
  problem.textContent = '';
  if (!socket) {
    problem.textContent = 'Join first.';
    return;
  }
  const text = new FormData(send).get('text');
  socket.emit('message', { text });
  // The server sends a message to everyone else; show our own line here.
  show(`me: ${text}`);
  send.reset();
});
