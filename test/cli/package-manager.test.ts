import { describe, expect, it } from 'vitest';
import { detectPackageManager, runScriptCommand } from '../../src/package-manager.ts';

describe('detectPackageManager', () => {
  it.each([
    ['npm/10.9.0 node/v22.12.0 linux x64 workspaces/false', 'npm'],
    ['pnpm/9.12.0 npm/? node/v22.12.0 linux x64', 'pnpm'],
    ['yarn/4.5.0 npm/? node/v22.12.0 linux x64', 'yarn'],
    ['bun/1.1.30 npm/? node/v22.12.0 linux x64', 'bun'],
    ['deno/2.0.0 npm/? deno/2.0.0 linux x86_64', 'npm'],
    ['', 'npm'],
  ])('%j → %s', (agent, expected) => {
    expect(detectPackageManager({ npm_config_user_agent: agent })).toBe(expected);
  });

  it('falls back to npm without a user agent', () => {
    expect(detectPackageManager({})).toBe('npm');
  });
});

describe('runScriptCommand', () => {
  it('uses each manager’s own way to run a script', () => {
    expect(runScriptCommand('npm', 'dev')).toBe('npm run dev');
    expect(runScriptCommand('bun', 'dev')).toBe('bun run dev');
    expect(runScriptCommand('pnpm', 'dev')).toBe('pnpm dev');
    expect(runScriptCommand('yarn', 'dev')).toBe('yarn dev');
    expect(runScriptCommand('yarn', 'test')).toBe('yarn test');
  });
});
