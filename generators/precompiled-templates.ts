// Compiled Handlebars templates, keyed by their source text. Empty here, so the repo's sources
// (tests, `npm run plop`, scripts/render-starter.ts) compile templates as they read them; the
// build (scripts/build.ts) replaces this module in the bundled CLI with every `.hbs` file under
// templates/ precompiled, so a run of the CLI compiles none.
import type { TemplateSpec } from './handlebars.ts';

export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, TemplateSpec> = new Map();
