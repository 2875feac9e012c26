// The frontend's code: runs in the browser, not in Node. It keeps no data of its own except the
// login token: every action is an HTTP request to the API, and the list is redrawn from the
// API's answers.
import { request, showingErrorsIn } from './http-log.js';

const loginForm = document.querySelector('#login');
const who = document.querySelector('#who');
const form = document.querySelector('#new-note');
const list = document.querySelector('#notes');
const preview = document.querySelector('#preview');
const problem = document.querySelector('#problem');

// The token from register or login. Kept in memory only: reloading the page logs you out.
// (Anything in localStorage can be read by any script that ever runs on this page.)
let token = null;

// Every request of this page to its own API carries the token, as
// `Authorization: Bearer <token>`. request() (http-log.js) uses fetch(), so adding the header
// here reaches all of them.
const plainFetch = window.fetch.bind(window);
window.fetch = (url, options = {}) => {
  const headers = new Headers(options.headers);
  const sameOrigin = new URL(url, window.location.href).origin === window.location.origin;
  if (token && sameOrigin) headers.set('Authorization', `Bearer ${token}`);
  return plainFetch(url, { ...options, headers });
};

/** Runs one user action and shows the API's error message if it fails. */
const run = showingErrorsIn(problem);

async function load() {
  // One page of notes: { data, page, limit, total }.
  const page = await request('GET', '/notes?limit=50');
  list.replaceChildren(...page.data.map(renderNote));
}

async function show(note) {
  const response = await fetch(`${note.url}/html`);
  preview.srcdoc = await response.text();
}

function button(label, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', () => run(action));
  return element;
}

function renderNote(note) {
  const item = document.createElement('li');
  const title = document.createElement('span');
  title.textContent = `${note.pinned ? '📌 ' : ''}${note.title}${note.tags.map((tag) => ` #${tag}`).join('')}`;
  item.append(
    title,
    button('Show', () => show(note)),
    button(note.pinned ? 'Unpin' : 'Pin', async () => {
      await request('PATCH', note.url, { pinned: !note.pinned });
      await load();
    }),
    button('Delete', async () => {
      await request('DELETE', note.url);
      await load();
    }),
  );
  return item;
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const { name, email, password } = loginForm.elements;
  const registering = event.submitter?.name === 'register';
  const body = registering
    ? { name: name.value, email: email.value, password: password.value }
    : { email: email.value, password: password.value };
  void run(async () => {
    const answer = await request('POST', registering ? '/auth/register' : '/auth/login', body);
    token = answer.token;
    const me = await request('GET', '/auth/me');
    who.textContent = `Logged in as ${me.name} (${me.email}).`;
    await load();
  });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const { title, content, tags } = form.elements;
  const body = {
    title: title.value,
    content: content.value,
    tags: tags.value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  };
  void run(async () => {
    await request('POST', '/notes', body);
    form.reset();
    await load();
  });
});
