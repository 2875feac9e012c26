// The page's HTTP client. Every call goes through `request()`, which also writes a line to the
// "HTTP log" on the page: method, path, status and time. Open your browser's developer tools
// (Network tab) to see the same requests in full, headers included.

const log = document.querySelector('#log');

/** An answer with a 4xx or 5xx status. `body` is the API's JSON error body, when there is one. */
export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error;
    const details = (error?.details ?? []).map((detail) => detail.message);
    super([error?.message ?? `The server answered ${status}.`, ...details].join(' '));
    this.status = status;
    this.body = body;
  }
}

/**
 * Sends one HTTP request with an optional JSON body and extra headers (e.g. Authorization).
 * Resolves to the parsed JSON answer, or null when there is none (204 No Content); rejects with
 * an ApiError for a 4xx or 5xx status.
 */
export async function request(method, url, body, headers = {}) {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  writeLog(method, url, response, Math.round(performance.now() - started));
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function writeLog(method, url, response, elapsed) {
  if (!log) return;
  const item = document.createElement('li');
  const path = new URL(url, window.location.href).pathname;
  item.textContent = `${method} ${path} → ${response.status} ${response.statusText} (${elapsed} ms)`;
  item.className = response.ok ? 'ok' : 'failed';
  log.prepend(item);
}

/**
 * A runner for user actions: `run(action)` clears `problem`, runs the action, and shows the
 * API's error message there if it fails.
 */
export function showingErrorsIn(problem) {
  return async function run(action) {
    problem.textContent = '';
    try {
      await action();
    } catch (error) {
      problem.textContent = error.message;
    }
  };
}
