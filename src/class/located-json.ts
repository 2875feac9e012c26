// A small JSON parser that remembers the line of every value and key, so a course file's
// problems can be reported as `course.json:7: students[2].name …`. JSON.parse only says where
// the syntax breaks; teachers need to know which entry of their list is wrong.

export type JsonNode =
  | { kind: 'object'; line: number; entries: JsonEntry[] }
  | { kind: 'array'; line: number; items: JsonNode[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: number }
  | { kind: 'boolean'; line: number; value: boolean }
  | { kind: 'null'; line: number };

export interface JsonEntry {
  key: string;
  line: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.line = line;
    this.column = column;
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function parseLocatedJson(text: string): JsonNode {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line, at - lineStart + 1);
  };
  const describe = (): string =>
    at >= text.length ? 'the end of the file' : `"${text[at] ?? ''}"`;
  const skipSpace = (): void => {
    while (at < text.length) {
      const char = text[at];
      if (char === '\n') {
        line += 1;
        lineStart = at + 1;
      } else if (char !== ' ' && char !== '\t' && char !== '\r') return;
      at += 1;
    }
  };
  const expect = (char: string, what: string): void => {
    skipSpace();
    if (text[at] !== char) fail(`expected ${what} but found ${describe()}`);
    at += 1;
  };

  const parseString = (): string => {
    at += 1; // opening quote
    let value = '';
    for (;;) {
      const char = text[at];
      if (char === undefined || char === '\n') fail('a string is not closed on its line');
      at += 1;
      if (char === '"') return value;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escape = text[at] ?? '';
      at += 1;
      if (escape === 'u') {
        const hex = text.slice(at, at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape in a string');
        value += String.fromCharCode(Number.parseInt(hex, 16));
        at += 4;
      } else if (escape in ESCAPES) value += ESCAPES[escape];
      else fail(`invalid escape "\\${escape}" in a string`);
    }
  };

  const parseValue = (): JsonNode => {
    skipSpace();
    const start = line;
    const char = text[at];
    if (char === '{') return parseObject();
    if (char === '[') return parseArray();
    if (char === '"') return { kind: 'string', line: start, value: parseString() };
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(at, at + 64),
    )?.[0];
    if (!literal) return fail(`expected a value but found ${describe()}`);
    at += literal.length;
    if (literal === 'null') return { kind: 'null', line: start };
    if (literal === 'true' || literal === 'false') {
      return { kind: 'boolean', line: start, value: literal === 'true' };
    }
    return { kind: 'number', line: start, value: Number(literal) };
  };

  const parseObject = (): JsonNode => {
    const node: JsonNode = { kind: 'object', line, entries: [] };
    at += 1;
    skipSpace();
    if (text[at] === '}') {
      at += 1;
      return node;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail(`expected a "key" in quotes but found ${describe()}`);
      const keyLine = line;
      const key = parseString();
      expect(':', '":" after the key');
      node.entries.push({ key, line: keyLine, value: parseValue() });
      skipSpace();
      if (text[at] === ',') {
        at += 1;
        skipSpace();
        if (text[at] === '}') fail('a comma before "}" (JSON allows no trailing comma)');
        continue;
      }
      if (text[at] === '}') {
        at += 1;
        return node;
      }
      fail(`expected "," or "}" but found ${describe()}`);
    }
  };

  const parseArray = (): JsonNode => {
    const node: JsonNode = { kind: 'array', line, items: [] };
    at += 1;
    skipSpace();
    if (text[at] === ']') {
      at += 1;
      return node;
    }
    for (;;) {
      node.items.push(parseValue());
      skipSpace();
      if (text[at] === ',') {
        at += 1;
        skipSpace();
        if (text[at] === ']') fail('a comma before "]" (JSON allows no trailing comma)');
        continue;
      }
      if (text[at] === ']') {
        at += 1;
        return node;
      }
      fail(`expected "," or "]" but found ${describe()}`);
    }
  };

  const root = parseValue();
  skipSpace();
  if (at < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
  return root;
}
