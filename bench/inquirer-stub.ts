// Stands in for inquirer in the bundle prototype (bundle-probe.ts). node-plop imports inquirer
// at load time only to create a prompt module; the CLI never runs plop's prompts (it asks its
// own questions first and calls runActions), so the bundle does not need to load inquirer
// and its dependency tree. A prompt through plop would fail loudly instead of hanging.
function createPromptModule() {
  return () => Promise.reject(new Error('plop prompts are not available in the CLI bundle'));
}

export default { createPromptModule };
