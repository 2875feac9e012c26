// The chat page's code: runs in the browser. HTTP (in the HTTP log) for what has a request and
// an answer: logging in, opening a room, reading its history. The WebSocket for what the server
// pushes: messages and who is online. The token is kept in memory only (log in again after a
// reload): a script injected into the page cannot read it from storage later.
import { request, showingErrorsIn } from './http-log.js';

const loginForm = document.querySelector('#login');
const signedIn = document.querySelector('#signed-in');
const who = document.querySelector('#who');
const roomForm = document.querySelector('#room');
const send = document.querySelector('#send');
const list = document.querySelector('#messages');
const status = document.querySelector('#status');
const problem = document.querySelector('#problem');

let token = '';
let socket;
let room;

const api = (method, url, body) => request(method, url, body, { Authorization: `Bearer ${token}` });

function show(line) {
  const item = document.createElement('li');
  // textContent, never innerHTML: a message is someone else's input.
  item.textContent = line;
  list.append(item);
}

const run = showingErrorsIn(problem);

function connect() {
  socket?.disconnect();
  // The token travels in the handshake; a refused one arrives as `connect_error`.
  socket = window.io({ auth: { token } });
  socket.on('connect_error', (error) => {
    problem.textContent = `Not connected: ${error.message}`;
  });
  socket.on('connect', () => {
    if (room) joinOverSocket();
  });
  socket.on('message', (message) => show(`${message.author.name}: ${message.text}`));
  socket.on('presence', ({ online }) => {
    status.textContent = `#${room.name}: ${online.map((user) => user.name).join(', ')} online.`;
  });
  socket.on('chat-error', ({ message }) => {
    problem.textContent = message;
  });
}

function joinOverSocket() {
  socket.emit('join', { room: room.id }, (answer) => {
    if (!answer.ok) problem.textContent = answer.error.message;
  });
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(loginForm);
  const register = event.submitter?.value === 'register';
  const credentials = { email: form.get('email'), password: form.get('password') };
  run(async () => {
    const body = register ? { name: form.get('name'), ...credentials } : credentials;
    ({ token } = await request('POST', register ? '/auth/register' : '/auth/login', body));
    const me = await api('GET', '/auth/me');
    who.textContent = me.name;
    loginForm.hidden = true;
    signedIn.hidden = false;
    connect();
  });
});

roomForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = String(new FormData(roomForm).get('room')).trim().toLowerCase();
  run(async () => {
    if (room) socket.emit('leave', { room: room.id });
    // Find the room by name, or open it; then become a member (PUT is idempotent).
    const found = await api('GET', `/rooms?name=${encodeURIComponent(name)}`);
    room = found.data[0] ?? (await api('POST', '/rooms', { name }));
    await api('PUT', `/rooms/${room.id}/members/me`);
    const history = await api('GET', `/rooms/${room.id}/messages?limit=20`);
    list.replaceChildren();
    // The API answers newest first; a chat reads oldest first.
    for (const message of history.data.reverse()) show(`${message.author.name}: ${message.text}`);
    joinOverSocket();
  });
});

send.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!room) {
    problem.textContent = 'Open a room first.';
    return;
  }
  const text = String(new FormData(send).get('text'));
  // The acknowledgement says whether the server stored and delivered it.
  socket.emit('message', { room: room.id, text }, (answer) => {
    if (answer.ok) show(`me: ${answer.message.text}`);
    else problem.textContent = answer.error.message;
  });
  send.reset();
});
