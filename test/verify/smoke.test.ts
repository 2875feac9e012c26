// The verify matrix's smoke-step helpers: substitution, JSON picking, the loopback-only rule and
// header expectations. A helper that silently passed would make every starter's boot check hollow.
import { describe, expect, it } from 'vitest';
import { pick, resolveUrl, substitute, unexpectedHeader } from '../../scripts/verify/smoke.ts';

describe('smoke helpers', () => {
  it('substitutes captured values and refuses ones never captured', () => {
    const values = new Map([['id', '42']]);
    expect(substitute('/todos/${id}', values)).toBe('/todos/42');
    expect(() => substitute('/todos/${other}', values)).toThrow(/before any step captured it/);
  });

  it('picks nested JSON values', () => {
    expect(pick({ data: [{ id: 'a' }] }, 'data.0.id')).toBe('a');
    expect(pick({ data: [] }, 'data.0.id')).toBeUndefined();
  });

  it('calls captured absolute URLs only on loopback', () => {
    expect(resolveUrl('http://127.0.0.1:3000/', 'http://127.0.0.1:3000/todos/1')).toBe(
      'http://127.0.0.1:3000/todos/1',
    );
    expect(() => resolveUrl('http://127.0.0.1:3000/', 'http://example.com/x')).toThrow(/loopback/);
  });

  it('checks expected headers against their patterns', () => {
    const step = { method: 'GET', path: '/', status: 200, expectHeaders: { 'x-cache': '^HIT$' } };
    const hit = new Response('', { headers: { 'x-cache': 'HIT' } });
    const miss = new Response('', { headers: { 'x-cache': 'MISS' } });
    expect(unexpectedHeader(step, hit)).toBeUndefined();
    expect(unexpectedHeader(step, miss)).toMatch(/x-cache is "MISS"/);
    expect(unexpectedHeader(step, new Response(''))).toMatch(/missing/);
  });
});
