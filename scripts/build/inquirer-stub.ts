// Stands in for inquirer in the bundled CLI (scripts/build.ts). node-plop imports inquirer when
// it loads, only to run plop's own prompts; the CLI asks its questions itself (prompts) and calls
// runActions, so the bundle leaves inquirer and its dependency tree out. Should anything still
// reach a plop prompt, it fails at once with a clear error instead of waiting on stdin.
const UNAVAILABLE =
  'plop prompts are not part of the create-backend-roadmap bundle: the CLI asks its own ' +
  'questions and runs the generator with the answers (use `npm run plop` in the repo instead)';

function fail(): never {
  throw new Error(UNAVAILABLE);
}

function prompt(): Promise<never> {
  return Promise.reject(new Error(UNAVAILABLE));
}

function createPromptModule() {
  return prompt;
}

export default { prompt, createPromptModule, registerPrompt: fail };
