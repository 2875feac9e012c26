// The frontend's code: runs in the browser, not in Node. It logs in, keeps the token in memory
// (gone when you reload: log in again) and sends it with every request. Keeping tokens out of
// localStorage means a script injected into the page cannot read them later.
import { request } from './http-log.js';

const loginForm = document.querySelector('#login');
const signedIn = document.querySelector('#signed-in');
const who = document.querySelector('#who');
const form = document.querySelector('#new-todo');
const list = document.querySelector('#todos');
const problem = document.querySelector('#problem');

let token = '';

/** A request with the token. http-log.js sends it and writes the line in the HTTP log. */
function api(method, url, body) {
  return request(method, url, body, { Authorization: `Bearer ${token}` });
}

/** Runs one user action and shows the API's error message if it fails. */
async function run(action) {
  problem.textContent = '';
  try {
    await action();
  } catch (error) {
    // This API's errors are { "message": "…", "errors": [{ "path", "message" }] }.
    const body = error.body ?? {};
    const fields = (body.errors ?? []).map((field) => `${field.path} ${field.message}`);
    problem.textContent = [body.message ?? error.message, ...fields].join('; ');
    if (error.status === 401) showLogin();
  }
}

function showLogin() {
  token = '';
  signedIn.hidden = true;
  loginForm.hidden = false;
}

async function load() {
  const me = await api('GET', '/me');
  who.textContent = me.email;
  loginForm.hidden = true;
  signedIn.hidden = false;
  const page = await api('GET', '/todos?limit=100');
  list.replaceChildren(...page.data.map(renderTodo));
}

function renderTodo(todo) {
  const item = document.createElement('li');
  item.classList.toggle('completed', todo.completed);

  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.checked = todo.completed;
  checkbox.setAttribute('aria-label', `Completed: ${todo.title}`);
  checkbox.addEventListener('change', () =>
    run(async () => {
      await api('PATCH', `/todos/${todo.id}`, { completed: checkbox.checked });
      await load();
    }),
  );

  const title = document.createElement('span');
  title.textContent = todo.description ? `${todo.title}: ${todo.description}` : todo.title;

  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Delete';
  remove.addEventListener('click', () =>
    run(async () => {
      await api('DELETE', `/todos/${todo.id}`);
      await load();
    }),
  );

  item.append(checkbox, title, remove);
  return item;
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const { name, email, password } = loginForm.elements;
  const register = event.submitter?.value === 'register';
  void run(async () => {
    const answer = register
      ? await request('POST', '/register', {
          name: name.value,
          email: email.value,
          password: password.value,
        })
      : await request('POST', '/login', { email: email.value, password: password.value });
    token = answer.token;
    loginForm.reset();
    await load();
  });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const { title, description } = form.elements;
  void run(async () => {
    await api('POST', '/todos', { title: title.value, description: description.value });
    form.reset();
    await load();
  });
});

document.querySelector('#logout').addEventListener('click', showLogin);
