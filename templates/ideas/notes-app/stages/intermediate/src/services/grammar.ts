// Grammar checking, an external service behind an interface (like src/services/notifier.ts).
// The routes call `grammarChecker.check(text)` and do not care who answers:
//
// - LanguageToolChecker: a LanguageTool server (https://languagetool.org/http-api/), the public
//   one or your own (`docker run -p 8010:8010 erikvl87/languagetool`), when GRAMMAR_API_URL is
//   set;
// - LocalGrammarChecker: a few simple rules, offline, in development and tests, when it is not.
//
// No test talks to the internet, `npm run dev` works on a train, and the service's answer is
// checked like any other input before the API uses it.
import { z } from 'zod';
import { config } from '../config.js';

export interface GrammarIssue {
  /** What is wrong, for a person. */
  message: string;
  /** Where, in characters from the start of the text. */
  offset: number;
  length: number;
  /** Suggested replacements for text[offset, offset + length), best first. */
  replacements: string[];
  /** Which rule found it, e.g. `REPEATED_WORD`. */
  rule: string;
}

export interface GrammarChecker {
  check(text: string, language?: string): Promise<GrammarIssue[]>;
}

interface LocalRule {
  rule: string;
  pattern: RegExp;
  message: string;
  replace: (match: RegExpExecArray) => string;
}

const LOCAL_RULES: LocalRule[] = [
  {
    rule: 'REPEATED_WORD',
    pattern: /\b(\w+)\s+\1\b/gi,
    message: 'The same word twice in a row.',
    replace: (match) => match[1] ?? '',
  },
  {
    rule: 'LOWERCASE_I',
    pattern: /(?<=^|\s)i(?=\s|'|$)/gm,
    message: 'The pronoun "I" is written in capitals.',
    replace: () => 'I',
  },
  {
    rule: 'SPACE_BEFORE_PUNCTUATION',
    pattern: /[ \t]+(?=[,.;:!?](\s|$))/gm,
    message: 'No space before punctuation.',
    replace: () => '',
  },
  {
    rule: 'DOUBLE_SPACE',
    pattern: /(?<=\S) {2,}(?=\S)/g,
    message: 'More than one space between words.',
    replace: () => ' ',
  },
];

/** The fake: deterministic and offline. Good enough to build and test the feature against. */
export class LocalGrammarChecker implements GrammarChecker {
  check(text: string): Promise<GrammarIssue[]> {
    const issues = LOCAL_RULES.flatMap(({ rule, pattern, message, replace }) =>
      [...text.matchAll(pattern)].map((match) => ({
        message,
        offset: match.index,
        length: match[0].length,
        replacements: [replace(match)],
        rule,
      })),
    );
    return Promise.resolve(issues.sort((a, b) => a.offset - b.offset));
  }
}

// What we use of LanguageTool's answer to POST /v2/check. Another service's JSON is input like
// a request body: if it changes shape, fail here with a clear error, not deep inside the API.
const languageToolAnswer = z.object({
  matches: z.array(
    z.object({
      message: z.string(),
      offset: z.int().min(0),
      length: z.int().min(0),
      replacements: z.array(z.object({ value: z.string() })),
      rule: z.object({ id: z.string() }),
    }),
  ),
});

export class LanguageToolChecker implements GrammarChecker {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async check(text: string, language = 'auto'): Promise<GrammarIssue[]> {
    const response = await fetch(new URL('v2/check', this.baseUrl.replace(/\/?$/, '/')), {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ text, language }),
      // A slow service must not hold the request that is waiting for it forever.
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`LanguageTool answered ${response.status}`);
    const { matches } = languageToolAnswer.parse(await response.json());
    return matches.map((match) => ({
      message: match.message,
      offset: match.offset,
      length: match.length,
      // LanguageTool can suggest hundreds; a client shows a few.
      replacements: match.replacements.slice(0, 5).map((replacement) => replacement.value),
      rule: match.rule.id,
    }));
  }
}

export function createGrammarChecker(apiUrl = config.grammarApiUrl): GrammarChecker {
  return apiUrl ? new LanguageToolChecker(apiUrl) : new LocalGrammarChecker();
}

export const grammarChecker: GrammarChecker = createGrammarChecker();
