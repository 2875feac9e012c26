import { describe, expect, it } from 'vitest';
import { IDEAS, STAGE_IDS, availableStarters, isAvailable } from '../../generators/catalog.ts';
import { resolveChoices } from '../../src/choices.ts';
import { CancelledError, UsageError } from '../../src/errors.ts';
import type { Asker, Choice } from '../../src/prompts.ts';

/** Answers each question with the first enabled choice (or the initial text), recording them. */
function scriptedAsker(asked: string[], cancelAt?: string): Asker {
  return {
    select(message: string, choices: readonly Choice[]) {
      asked.push(message);
      if (message === cancelAt) return Promise.reject(new CancelledError());
      const choice = choices.find((candidate) => !candidate.disabled);
      return Promise.resolve(choice?.value ?? '');
    },
    text(message: string, initial: string) {
      asked.push(message);
      return Promise.resolve(`${initial}-here`);
    },
  };
}

// Derived from the catalog, so the tests keep holding as more starters get templates.
const first = availableStarters()[0]!;
const ideaWithoutStarters = IDEAS.find((idea) => idea.available.length === 0);
const missingStage = IDEAS.flatMap((idea) =>
  idea.available.length === 0
    ? []
    : STAGE_IDS.filter((stage) => !isAvailable(idea.id, stage)).map((stage) => ({
        idea: idea.id,
        stage,
      })),
)[0];

const noTerminal = (asked: string[] = []) => ({ interactive: false, ask: scriptedAsker(asked) });
const terminal = (asked: string[], cancelAt?: string) => ({
  interactive: true,
  ask: scriptedAsker(asked, cancelAt),
});

describe('resolveChoices', () => {
  it('uses the arguments and defaults the directory to the idea id', async () => {
    const asked: string[] = [];
    const choices = await resolveChoices(
      { idea: 'todo-app', stage: 'beginner', yes: false },
      terminal(asked),
    );
    expect(choices).toEqual({ idea: 'todo-app', stage: 'beginner', directory: 'todo-app' });
    expect(asked).toEqual([]);
  });

  it('asks on a terminal only for what is missing', async () => {
    const asked: string[] = [];
    const choices = await resolveChoices({ idea: 'todo-app', yes: false }, terminal(asked));
    expect(choices.stage).toBe('beginner');
    expect(asked).toEqual(['Which roadmap stage?']);
  });

  it('asks for the directory too when the idea was asked', async () => {
    const asked: string[] = [];
    const choices = await resolveChoices({ yes: false }, terminal(asked));
    expect(choices).toEqual({ ...first, directory: `${first.idea}-here` });
    expect(asked).toHaveLength(3);
  });

  it('turns a cancelled prompt into a CancelledError (exit 130)', async () => {
    const attempt = resolveChoices(
      { yes: false },
      terminal([], 'Which project do you want to build?'),
    );
    await expect(attempt).rejects.toMatchObject({ exitCode: 130 });
  });

  it('never asks without a terminal: missing values fail at once with the valid ones', async () => {
    const asked: string[] = [];
    const attempt = resolveChoices({ directory: 'todo-ap', yes: false }, noTerminal(asked));
    await expect(attempt).rejects.toThrow(UsageError);
    await attempt.catch((error: UsageError) => {
      expect(error.message).toBe(
        'Missing the idea and --stage (stdin is not a terminal, so nothing is asked).',
      );
      expect(error.hints.join('\n')).toContain('Did you mean "todo-app"?');
      expect(error.hints.join('\n')).toContain('beginner, intermediate, advanced');
    });
    expect(asked).toEqual([]);
  });

  it('with --yes picks the beginner stage but never an idea', async () => {
    expect(await resolveChoices({ idea: 'todo-app', yes: true }, noTerminal())).toMatchObject({
      stage: 'beginner',
    });
    await expect(resolveChoices({ yes: true }, terminal([]))).rejects.toThrow(
      /Missing the idea \(--yes has no default idea\)/,
    );
  });

  it.skipIf(!ideaWithoutStarters)('refuses an idea without any starter yet', async () => {
    const idea = ideaWithoutStarters!.id;
    await expect(
      resolveChoices({ idea, stage: 'beginner', yes: false }, noTerminal()),
    ).rejects.toThrow(`No starter for "${idea}"`);
  });

  it.skipIf(!missingStage)(
    'refuses a stage without templates, listing what is available',
    async () => {
      const error = await resolveChoices({ ...missingStage!, yes: false }, noTerminal()).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).hints.join(' ')).toContain(
        `${first.idea} --stage ${first.stage}`,
      );
    },
  );
});
