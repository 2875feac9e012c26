// What node-plop gets for `import handlebars from 'handlebars'` in the bundled CLI
// (scripts/build.ts): the real package, loaded on first use. node-plop only compiles with it in
// `renderString`, which the CLI's one action never calls, so a run does not pay for the
// Handlebars compiler it never uses. Every property and method is the real one.
/* eslint-disable @typescript-eslint/no-require-imports -- require() is the lazy load */
import type { HandlebarsModule } from '../../generators/handlebars-loader.ts';

let loaded: HandlebarsModule | undefined;
const load = (): HandlebarsModule => (loaded ??= require('handlebars') as HandlebarsModule);

export default new Proxy({} as HandlebarsModule, {
  get: (_target, key) => Reflect.get(load(), key) as unknown,
  has: (_target, key) => Reflect.has(load(), key),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    // A proxy may only report configurable properties its (empty) target does not have.
    return descriptor ? { ...descriptor, configurable: true } : undefined;
  },
});
