// What node-plop gets for `tinyglobby` and `resolve` in the bundled CLI (scripts/build.ts): the
// real packages, loaded on first call. node-plop imports both when it loads, but only uses them
// in `addMany` (globbing template files) and `load` (finding another plopfile by package name),
// and the CLI's one action calls neither. Loading them up front cost a scaffold several
// milliseconds: `resolve` builds its table of Node's core modules, and fdir (inside tinyglobby)
// looks for an optional `picomatch` package through Node's resolver when it loads.
/* eslint-disable @typescript-eslint/no-require-imports -- require() is the lazy load */
import type * as Tinyglobby from 'tinyglobby';

/** The one function of `resolve` node-plop calls (the package ships no types). */
interface Resolve {
  sync(id: string, options?: { basedir?: string }): string;
}

const tinyglobby = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;
const resolvePackage = (): Resolve => require('resolve') as Resolve;

// An overloaded function: the arguments go through as they came.
export const globSync = ((...args: unknown[]) =>
  (tinyglobby().globSync as (...all: unknown[]) => string[])(
    ...args,
  )) as typeof Tinyglobby.globSync;

const resolve: Resolve = { sync: (id, options) => resolvePackage().sync(id, options) };
export default resolve;
