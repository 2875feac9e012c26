// The grammar check: the local fake's rules, the LanguageTool client against a stand-in server
// on this machine (no test talks to the internet), and the route.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createGrammarChecker,
  grammarChecker,
  LanguageToolChecker,
  LocalGrammarChecker,
} from '../src/services/grammar.js';
import { useApi } from './api.js';
import { bearer, registerUser } from './users.js';

const api = useApi();

describe('LocalGrammarChecker (the fake used in development and tests)', () => {
  it('finds repeated words, a lowercase "i", spaces before punctuation and double spaces', async () => {
    const text = 'This is is my note .\ni think  so';
    const issues = await new LocalGrammarChecker().check(text);
    expect(issues.map((issue) => issue.rule)).toEqual([
      'REPEATED_WORD',
      'SPACE_BEFORE_PUNCTUATION',
      'LOWERCASE_I',
      'DOUBLE_SPACE',
    ]);
    const [repeated] = issues;
    expect(text.slice(repeated?.offset, (repeated?.offset ?? 0) + (repeated?.length ?? 0))).toBe(
      'is is',
    );
    expect(repeated?.replacements).toEqual(['is']);
  });

  it('finds nothing in clean text', async () => {
    expect(await new LocalGrammarChecker().check('I wrote this. It is fine.')).toEqual([]);
  });

  it('is what the app uses when GRAMMAR_API_URL is not set', () => {
    expect(createGrammarChecker(undefined)).toBeInstanceOf(LocalGrammarChecker);
    expect(createGrammarChecker('http://127.0.0.1:8010')).toBeInstanceOf(LanguageToolChecker);
  });
});

describe('LanguageToolChecker (against a local stand-in for the real service)', () => {
  let server: Server;
  let baseUrl = '';
  let status = 200;
  let answer: unknown = {};
  const received: { path: string; form: URLSearchParams }[] = [];

  async function readBody(req: IncomingMessage): Promise<string> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    return body;
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        received.push({ path: req.url ?? '', form: new URLSearchParams(body) });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(() => {
    server.close();
  });

  afterEach(() => {
    received.length = 0;
    status = 200;
  });

  it('posts the text as a form to /v2/check and maps the matches', async () => {
    answer = {
      matches: [
        {
          message: 'Possible typo',
          offset: 5,
          length: 4,
          replacements: [{ value: 'word' }, { value: 'ward' }],
          rule: { id: 'MORFOLOGIK_RULE_EN_US' },
          context: { text: 'ignored' },
        },
      ],
    };
    const issues = await new LanguageToolChecker(baseUrl).check('Some wrod', 'en-US');
    expect(received).toHaveLength(1);
    expect(received[0]?.path).toBe('/v2/check');
    expect(received[0]?.form.get('text')).toBe('Some wrod');
    expect(received[0]?.form.get('language')).toBe('en-US');
    expect(issues).toEqual([
      {
        message: 'Possible typo',
        offset: 5,
        length: 4,
        replacements: ['word', 'ward'],
        rule: 'MORFOLOGIK_RULE_EN_US',
      },
    ]);
  });

  it('fails on an error status and on an answer of an unexpected shape', async () => {
    status = 500;
    await expect(new LanguageToolChecker(baseUrl).check('x')).rejects.toThrow('500');
    status = 200;
    answer = { matches: [{ message: 1 }] };
    await expect(new LanguageToolChecker(baseUrl).check('x')).rejects.toThrow();
  });
});

describe('POST /notes/:id/grammar', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function noteOf(content: string) {
    const ann = await registerUser(api, 'Ann');
    const res = await api()
      .post('/notes')
      .set('Authorization', bearer(ann))
      .send({ title: 't', content });
    expect(res.status).toBe(201);
    return { ann, id: (res.body as { id: string }).id };
  }

  it("answers 200 with the issues in the note's content", async () => {
    const { ann, id } = await noteOf('the the end');
    const res = await api().post(`/notes/${id}/grammar`).set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      issues: [
        {
          message: expect.any(String) as string,
          offset: 0,
          length: 7,
          replacements: ['the'],
          rule: 'REPEATED_WORD',
        },
      ],
    });
  });

  it('answers 422 for a language that is not a language tag', async () => {
    const { ann, id } = await noteOf('text');
    const res = await api()
      .post(`/notes/${id}/grammar`)
      .set('Authorization', bearer(ann))
      .send({ language: 'english please' });
    expect(res.status).toBe(422);
  });

  it('answers 502 when the grammar service fails', async () => {
    const { ann, id } = await noteOf('text');
    vi.spyOn(grammarChecker, 'check').mockRejectedValueOnce(new Error('service down'));
    const res = await api().post(`/notes/${id}/grammar`).set('Authorization', bearer(ann));
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ error: { status: 502, code: 'grammar_service_failed' } });
  });
});
