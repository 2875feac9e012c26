// The frontend's code: runs in the browser, not in Node. It keeps no data of its own: every
// action is an HTTP request to the API, and the list is redrawn from the API's answers.
import { request, showingErrorsIn } from './http-log.js';

const form = document.querySelector('#new-todo');
const list = document.querySelector('#todos');
const problem = document.querySelector('#problem');
const clearButton = document.querySelector('#clear');

/** Runs one user action and shows the API's error message if it fails. */
const run = showingErrorsIn(problem);

async function load() {
  const todos = await request('GET', '/todos');
  list.replaceChildren(...todos.map(renderTodo));
}

function renderTodo(todo) {
  const item = document.createElement('li');
  item.classList.toggle('completed', todo.completed);

  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.checked = todo.completed;
  checkbox.setAttribute('aria-label', `Completed: ${todo.title}`);
  // Each todo carries its own URL: the page follows it instead of building one.
  checkbox.addEventListener('change', () =>
    run(async () => {
      await request('PATCH', todo.url, { completed: checkbox.checked });
      await load();
    }),
  );

  const title = document.createElement('span');
  title.textContent = todo.title;

  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Delete';
  remove.addEventListener('click', () =>
    run(async () => {
      await request('DELETE', todo.url);
      await load();
    }),
  );

  item.append(checkbox, title, remove);
  return item;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const title = form.elements.title.value;
  void run(async () => {
    await request('POST', '/todos', { title });
    form.reset();
    await load();
  });
});

clearButton.addEventListener('click', () =>
  run(async () => {
    await request('DELETE', '/todos');
    await load();
  }),
);

void run(load);
