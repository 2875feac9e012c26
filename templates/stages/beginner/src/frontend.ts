// Serves the files in public/ (HTML, CSS, browser JavaScript) as they are. This is the
// frontend: the server only delivers it; it runs in the browser and talks to the API below it
// over HTTP, exactly like any other client would (curl, a phone app, another server).
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';

// public/ sits next to src/ and dist/, so the same relative path works from both.
const publicDir = fileURLToPath(new URL('../public', import.meta.url));

export function frontend(): RequestHandler {
  return express.static(publicDir);
}
