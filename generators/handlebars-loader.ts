// Where the Handlebars code comes from. Here, the package as Node resolves it: the compiler with
// the runtime. The bundled CLI swaps this module (scripts/build/handlebars-loader.ts) for one
// that loads only the runtime for precompiled templates, and the compiler only on a miss.
import Handlebars from 'handlebars';

export type HandlebarsModule = typeof Handlebars;

/** What precompiled templates need: `create`, `template`, helpers. */
export function loadRuntime(): HandlebarsModule {
  return Handlebars;
}

/** Everything, `compile` and `precompile` included. */
export function loadCompiler(): HandlebarsModule {
  return Handlebars;
}
