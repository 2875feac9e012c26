// The frontend's code: runs in the browser, not in Node. It asks the backend for its health and
// shows the answer.
import { ApiError, request } from './http-log.js';

const output = document.querySelector('#health');
const button = document.querySelector('#check');

async function checkHealth() {
  try {
    const body = await request('GET', '/health');
    output.textContent = `200 OK\n${JSON.stringify(body, null, 2)}`;
  } catch (error) {
    output.textContent =
      error instanceof ApiError
        ? `${error.status}\n${JSON.stringify(error.body, null, 2)}`
        : `The backend did not answer: ${error.message}`;
  }
}

button.addEventListener('click', () => void checkHealth());
void checkHealth();
