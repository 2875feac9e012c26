// The questions the CLI may ask. The `prompts` package is imported only when a question is
// actually asked, and only ever on a terminal (see choices.ts), so scripts never wait on it.
import type { PromptObject } from 'prompts';
import { CancelledError } from './errors.ts';

export interface Choice {
  title: string;
  value: string;
  description?: string;
  disabled?: boolean;
}

/** Injected into the flow so tests can answer (or cancel) without a terminal. */
export interface Asker {
  select(message: string, choices: readonly Choice[]): Promise<string>;
  text(message: string, initial: string): Promise<string>;
}

interface Answer {
  value?: unknown;
}

async function ask(question: Omit<PromptObject<'value'>, 'name'>): Promise<string> {
  const { default: prompts } = await import('prompts');
  // prompts reports Ctrl-C / Esc through onCancel; turn it into exit code 130.
  const answer: Answer = await prompts(
    { ...question, name: 'value' },
    {
      onCancel: () => {
        throw new CancelledError();
      },
    },
  );
  if (typeof answer.value !== 'string') throw new CancelledError();
  return answer.value;
}

export const terminalAsker: Asker = {
  select: (message, choices) =>
    ask({
      type: 'select',
      message,
      choices: choices.map((choice) => ({ ...choice })),
      initial: Math.max(
        0,
        choices.findIndex((choice) => !choice.disabled),
      ),
      warn: 'No templates yet',
    }),
  text: (message, initial) => ask({ type: 'text', message, initial }),
};
