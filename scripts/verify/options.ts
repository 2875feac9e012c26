// Command-line options of the verify matrix. Filters also come from the environment so that CI
// and `npm test` can narrow the matrix without editing a command line.
import { parseArgs } from 'node:util';
import {
  IDEA_IDS,
  STAGE_IDS,
  isIdeaId,
  isStageId,
  type IdeaId,
  type StageId,
} from '../../generators/catalog.ts';

export interface VerifyOptions {
  idea: IdeaId | undefined;
  stage: StageId | undefined;
  keep: boolean;
  /** Verify in this folder (kept afterwards) instead of a fresh temporary one. */
  dir: string | undefined;
  jobs: number;
  help: boolean;
}

export const USAGE = `usage: npm run verify -- [--idea <idea>] [--stage <stage>] [--keep] [--dir <path>] [--jobs <n>]

Generates every available starter (or the ones the filters select) outside the repo with the
built CLI, then installs, typechecks, lints, format-checks, tests and boots each one against
MONGODB_URI (and REDIS_URL for advanced starters).

  --idea <idea>    only this idea (or VERIFY_IDEA): ${IDEA_IDS.join(', ')}
  --stage <stage>  only this stage (or VERIFY_STAGE): ${STAGE_IDS.join(', ')}
  --keep           keep the generated starters and their logs (printed at the end)
  --dir <path>     verify in this folder and keep the starters there (or VERIFY_DIR), for
                   \`npm run reliability -- --reuse <path>\` to fuzz them without installing again
  --jobs <n>       starters verified at once (or VERIFY_JOBS; default 1)

scripts/verify.sh starts FerretDB and Redis and runs this with the same options.`;

export class UsageError extends Error {}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): VerifyOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        idea: { type: 'string' },
        stage: { type: 'string' },
        keep: { type: 'boolean', default: false },
        dir: { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const idea = nonEmpty(values.idea) ?? nonEmpty(env.VERIFY_IDEA);
  const stage = nonEmpty(values.stage) ?? nonEmpty(env.VERIFY_STAGE);
  const jobsText = nonEmpty(values.jobs) ?? nonEmpty(env.VERIFY_JOBS) ?? '1';
  if (idea !== undefined && !isIdeaId(idea)) {
    throw new UsageError(`unknown idea "${idea}"; known: ${IDEA_IDS.join(', ')}`);
  }
  if (stage !== undefined && !isStageId(stage)) {
    throw new UsageError(`unknown stage "${stage}"; known: ${STAGE_IDS.join(', ')}`);
  }
  const jobs = Number(jobsText);
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new UsageError(`--jobs must be a positive whole number, not "${jobsText}"`);
  }
  const dir = nonEmpty(values.dir) ?? nonEmpty(env.VERIFY_DIR);
  return { idea, stage, keep: values.keep || dir !== undefined, dir, jobs, help: values.help };
}
