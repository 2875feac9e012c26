// Replaces generators/handlebars-loader.ts in the bundled CLI (scripts/build.ts). esbuild turns
// an `import` of a CommonJS package into code that runs when the importing chunk loads; a
// `require` runs where it is called. So the CLI evaluates the Handlebars runtime when it renders
// its precompiled templates, and the compiler (its parser is most of Handlebars) only when a
// template was edited after the build.
/* eslint-disable @typescript-eslint/no-require-imports -- see above: require() is the lazy load */
import type { HandlebarsModule } from '../../generators/handlebars-loader.ts';

export type { HandlebarsModule };

export function loadRuntime(): HandlebarsModule {
  return require('handlebars/runtime') as HandlebarsModule;
}

export function loadCompiler(): HandlebarsModule {
  return require('handlebars') as HandlebarsModule;
}
