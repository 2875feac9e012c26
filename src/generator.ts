// The CLI's view of the generators: render in memory (for --dry-run) or write through plop.
// Both are imported on first use, because handlebars and node-plop dominate start-up time and
// --help, --version, --list and usage errors need neither.
import type { RenderedFile, StarterRequest } from '../generators/render.ts';

export type { RenderedFile, StarterRequest } from '../generators/render.ts';

export interface Generator {
  /** Every file of the starter, in memory; writes nothing. */
  render(request: StarterRequest): Promise<RenderedFile[]>;
  /**
   * Writes the starter into `directory`, which exists and is empty. Resolves to the relative
   * paths of the files then in `directory` (read back from the disk), or to nothing, in which case
   * the caller lists them itself.
   */
  write(request: StarterRequest, directory: string): Promise<readonly string[] | void>;
}

export const plopGenerator: Generator = {
  async render(request) {
    const { renderStarter } = await import('../generators/render.ts');
    return renderStarter(request);
  },
  async write(request, directory) {
    const { generateWithPlop } = await import('../generators/run-plop.ts');
    return generateWithPlop(request, directory);
  },
};
