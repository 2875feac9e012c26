// Plop entry point. Template authors run `npm run plop` (or `npx plop --plopfile plopfile.ts`) to
// render a starter interactively; the CLI loads the compiled copy of this file through node-plop
// with the same generator, so both paths render identically.
import type { NodePlopAPI } from 'node-plop';
import { IDEAS, STAGES } from './generators/catalog.ts';
import { STARTER_ACTION, renderStarterAction } from './generators/starter-action.ts';

export const STARTER_GENERATOR = 'starter';

export default function plopfile(plop: NodePlopAPI): void {
  plop.setActionType(STARTER_ACTION, renderStarterAction);
  plop.setGenerator(STARTER_GENERATOR, {
    description: 'A backend-roadmap starter: one project idea at one stage',
    prompts: [
      {
        type: 'list',
        name: 'idea',
        message: 'Project idea',
        // Every idea, not only the available ones: authors render work in progress here.
        choices: IDEAS.map((idea) => ({
          name: `${idea.title}${idea.available.length > 0 ? '' : ' (planned)'}`,
          value: idea.id,
        })),
      },
      {
        type: 'list',
        name: 'stage',
        message: 'Stage',
        // A static list: plop's command-line bypass (`plop starter todo-app beginner …`) cannot
        // match values against choices computed from earlier answers.
        choices: STAGES.map((stage) => ({
          name: `${stage.title} (${stage.duration})`,
          value: stage.id,
        })),
      },
      {
        type: 'input',
        name: 'projectName',
        message: 'npm package name',
        default: (answers: Record<string, unknown>) =>
          `${String(answers.idea)}-${String(answers.stage)}`,
        validate: (value: string) =>
          /^[a-z0-9][a-z0-9._-]*$/.test(value) || 'lowercase letters, digits, ".", "_" and "-"',
      },
      {
        type: 'input',
        name: 'directory',
        message: 'Folder to create (relative to this folder)',
        default: (answers: Record<string, unknown>) => `.generated/${String(answers.projectName)}`,
      },
    ],
    actions: [{ type: STARTER_ACTION }],
  });
}
