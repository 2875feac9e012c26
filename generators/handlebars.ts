// Private Handlebars instances for starter templates. Private, because helper names are global
// to a Handlebars instance and plop registers its own; `br-` prefixes keep ours apart anyway.
import { loadCompiler, loadRuntime, type HandlebarsModule } from './handlebars-loader.ts';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.ts';

type Instance = ReturnType<HandlebarsModule['create']>;
export type TemplateSpec = Parameters<HandlebarsModule['template']>[0];
type Template = (context: object) => string;

/**
 * Output is source code and Markdown, never HTML: `noEscape` keeps `'`, `<` and `&` as they are
 * (plop's default `{{x}}` would turn `'` into `&#x27;` inside code). The build precompiles with the
 * same options, so a precompiled template renders exactly what compiling its source would.
 */
function compileOptions() {
  // A new object each time: Handlebars writes its defaults into the options it is given.
  return { noEscape: true };
}

function withHelpers(instance: Instance): Instance {
  instance.registerHelper('br-join', (values: unknown, separator: unknown) =>
    Array.isArray(values) ? values.join(typeof separator === 'string' ? separator : ', ') : '',
  );
  instance.registerHelper('br-eq', (left: unknown, right: unknown) => left === right);
  return instance;
}

let runtime: Instance | undefined;
let compiler: Instance | undefined;
/** Per process: a class run renders the same templates for every student. */
const templates = new Map<string, Template>();

function templateFor(source: string): Template {
  let template = templates.get(source);
  if (!template) {
    // Keyed by source text: a template edited after the build misses and is compiled here.
    const spec = PRECOMPILED_TEMPLATES.get(source);
    if (spec) {
      runtime ??= withHelpers(loadRuntime().create());
      template = runtime.template(spec);
    } else {
      compiler ??= withHelpers(loadCompiler().create());
      template = compiler.compile(source, compileOptions());
    }
    templates.set(source, template);
  }
  return template;
}

/** The JavaScript source of a compiled template, for the build (scripts/build.ts) to embed. */
export function precompileTemplate(source: string): string {
  // Without `asObject`, precompile returns JavaScript source text; its types say an object.
  return loadCompiler().precompile(source, compileOptions()) as unknown as string;
}

export function renderTemplate(source: string, context: object, fileName: string): string {
  try {
    return templateFor(source)(context);
  } catch (error) {
    throw new Error(`Template ${fileName}: ${(error as Error).message}`, { cause: error });
  }
}
