// The frontend's code: runs in the browser, not in Node. It keeps no data of its own: every
// action is an HTTP request to the API, and the list is redrawn from the API's answers.
import { request, showingErrorsIn } from './http-log.js';

const form = document.querySelector('#new-note');
const search = document.querySelector('#search');
const list = document.querySelector('#notes');
const problem = document.querySelector('#problem');

/** Runs one user action and shows the API's error message if it fails. */
const run = showingErrorsIn(problem);

async function load() {
  // The filters travel in the query string: `/notes?tag=work&q=meeting`.
  const params = new URLSearchParams();
  const { q, tag } = search.elements;
  if (q.value.trim()) params.set('q', q.value.trim());
  if (tag.value.trim()) params.set('tag', tag.value.trim());
  const query = params.size > 0 ? `?${params}` : '';
  const notes = await request('GET', `/notes${query}`);
  list.replaceChildren(...notes.map(renderNote));
}

function renderNote(note) {
  const item = document.createElement('li');

  const pin = document.createElement('input');
  pin.type = 'checkbox';
  pin.checked = note.pinned;
  pin.setAttribute('aria-label', `Pinned: ${note.title}`);
  // Each note carries its own URL: the page follows it instead of building one.
  pin.addEventListener('change', () =>
    run(async () => {
      await request('PATCH', note.url, { pinned: pin.checked });
      await load();
    }),
  );

  const text = document.createElement('div');
  text.style.flex = '1';
  const title = document.createElement('strong');
  title.textContent = note.title;
  const tags = document.createElement('small');
  tags.textContent = note.tags.map((tag) => ` #${tag}`).join('');
  // The Markdown is shown as it is stored, as text: textContent never runs what it displays.
  const content = document.createElement('pre');
  content.textContent = note.content;
  text.append(title, tags, content);

  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Delete';
  remove.addEventListener('click', () =>
    run(async () => {
      await request('DELETE', note.url);
      await load();
    }),
  );

  item.append(pin, text, remove);
  return item;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const { title, content, tags, pinned } = form.elements;
  const body = {
    title: title.value,
    content: content.value,
    tags: tags.value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    pinned: pinned.checked,
  };
  void run(async () => {
    await request('POST', '/notes', body);
    form.reset();
    await load();
  });
});

search.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(load);
});

void run(load);
