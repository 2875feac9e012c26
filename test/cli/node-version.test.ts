import { describe, expect, it } from 'vitest';
import { toolInfo } from '../../generators/tool-info.ts';
import { unsupportedNode } from '../../src/node-version.ts';

describe('unsupportedNode', () => {
  it('accepts the minimum and anything newer', () => {
    for (const version of ['22.12.0', '22.13.1', '23.0.0', '24.21.0', 'v24.1.0']) {
      expect(unsupportedNode(version, '>=22.12'), version).toBeUndefined();
    }
  });

  it('names the minimum and the running version for anything older', () => {
    expect(unsupportedNode('20.20.2', '>=22.12')).toMatch(
      /^create-backend-roadmap needs Node\.js 22\.12 or newer; this is v20\.20\.2\./,
    );
    expect(unsupportedNode('22.11.9', '>=22.12')).toMatch(/needs Node\.js 22\.12/);
  });

  it('checks nothing when package.json gives no lower bound', () => {
    expect(unsupportedNode('18.0.0', '')).toBeUndefined();
    expect(unsupportedNode('18.0.0', '^22')).toBeUndefined();
  });

  it('reads the bound from this package.json, so it is stated once', () => {
    expect(toolInfo().node).toMatch(/^>=\d+\.\d+$/);
    expect(unsupportedNode(process.versions.node, toolInfo().node)).toBeUndefined();
  });
});
