// One private Handlebars instance for starter templates. Private, because helper names are global
// to a Handlebars instance and plop registers its own; `br-` prefixes keep ours apart anyway.
import Handlebars from 'handlebars';

const instance = Handlebars.create();

instance.registerHelper('br-join', (values: unknown, separator: unknown) =>
  Array.isArray(values) ? values.join(typeof separator === 'string' ? separator : ', ') : '',
);
instance.registerHelper('br-eq', (left: unknown, right: unknown) => left === right);

/**
 * Output is source code and Markdown, never HTML: `noEscape` keeps `'`, `<` and `&` as they are
 * (plop's default `{{x}}` would turn `'` into `&#x27;` inside code).
 */
export function renderTemplate(source: string, context: object, fileName: string): string {
  try {
    return instance.compile(source, { noEscape: true })(context);
  } catch (error) {
    throw new Error(`Template ${fileName}: ${(error as Error).message}`, { cause: error });
  }
}
