// Who may import whom (CONTRIBUTING.md), read off every file in src/. biome.jsonc enforces the
// folders for import statements as you type (noRestrictedImports, noImportCycles); this test
// holds what Biome's patterns cannot say: that store/ takes only *types* from model/, that
// store/ takes only types from @kubernetes/client-node (a value there is a client, which is
// I/O), model/ and ui/ nothing of it (the model reads JSON-shaped objects through its own
// shapes, model/leanPodType.ts), and `import('…')` in a type position, which Biome does not see.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = join(import.meta.dirname, '../../src');

/** Layer -> the layers it may import; a layer named with `:types` may be imported as types only. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  cli: ['cli', 'ui', 'cluster', 'store', 'model', 'text', 'sim'],
  ui: ['ui', 'store', 'model', 'text'],
  cluster: ['cluster', 'store', 'model', 'text'],
  store: ['store', 'model:types', 'text'],
  model: ['model', 'text'],
  text: ['text'],
  sim: ['sim'],
};
/** Packages some layers may read types from but never load. */
const TYPES_ONLY_PACKAGES: Record<string, readonly string[]> = {
  '@kubernetes/client-node': ['store'],
};
/** Packages some layers may not name at all, not even for types. */
const NO_PACKAGES: Record<string, readonly string[]> = {
  '@kubernetes/client-node': ['model', 'ui'],
};

interface Import {
  file: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
}

/** Every import and re-export of a module, and every `import('…')`, with whether it names types only. */
function importsOf(file: string, source: string): Import[] {
  const out: Import[] = [];
  // Comments out, lines kept (so the line numbers stay right): a commented-out import is none.
  const code = source.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, (c) => c.replace(/[^\n]/g, ' ')).replace(/^[ \t]*\/\/.*$/gm, '');
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;
  for (const m of code.matchAll(/^[ \t]*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const clause = m[3]!.trim();
    const names = /^\{([\s\S]*)\}$/
      .exec(clause)?.[1]
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const typeOnly = m[2] !== undefined || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type ')));
    out.push({ file, line: lineAt(m.index), specifier: m[4]!, typeOnly });
  }
  for (const m of code.matchAll(/^[ \t]*import\s*['"]([^'"]+)['"]/gm)) out.push({ file, line: lineAt(m.index), specifier: m[1]!, typeOnly: false });
  // import('x').Name and typeof import('x') are types; a bare import('x') loads the module.
  for (const m of code.matchAll(/(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)(\.\w)?/g)) {
    out.push({ file, line: lineAt(m.index + (m[1]?.length ?? 0)), specifier: m[2]!, typeOnly: m[1] !== undefined || m[3] !== undefined });
  }
  return out;
}

const layerOf = (pathInSrc: string): string => pathInSrc.split('/')[0]!;

/** One line per import the table forbids, naming the file, the line and the import. */
function violations(imports: readonly Import[]): string[] {
  const found: string[] = [];
  for (const imp of imports) {
    const from = layerOf(imp.file);
    const where = `src/${imp.file}:${imp.line} imports '${imp.specifier}'`;
    const allowed = MAY_IMPORT[from];
    if (!allowed) {
      found.push(`${where}: src/${from}/ is not a layer CONTRIBUTING.md names; add it to the table`);
      continue;
    }
    if (!imp.specifier.startsWith('.')) {
      const typesFrom = TYPES_ONLY_PACKAGES[imp.specifier];
      if (typesFrom?.includes(from) && !imp.typeOnly) found.push(`${where}: ${from}/ may take only types from ${imp.specifier} (use import type)`);
      if (NO_PACKAGES[imp.specifier]?.includes(from)) found.push(`${where}: ${from}/ names nothing of ${imp.specifier}, not even types (the model's own shapes are in model/leanPodType.ts)`);
      continue;
    }
    const target = relative(SRC, join(SRC, dirname(imp.file), imp.specifier))
      .split('\\')
      .join('/');
    // cli/ reads the package's own package.json (its version); nothing else leaves src/.
    if (target.startsWith('..')) {
      if (from !== 'cli') found.push(`${where}: outside src/`);
      continue;
    }
    const to = layerOf(target);
    if (allowed.includes(to)) continue;
    if (allowed.includes(`${to}:types`)) {
      if (!imp.typeOnly) found.push(`${where}: ${from}/ may take only types from ${to}/ (use import type)`);
      continue;
    }
    found.push(`${where}: ${from}/ never imports ${to}/ (it may import ${allowed.filter((l) => l !== from).join(', ') || 'nothing of the product'})`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

test('every import in src/ goes the way CONTRIBUTING.md draws the layers', () => {
  const files = sourceFiles(SRC);
  assert.ok(files.length > 100, `found only ${files.length} files under ${SRC}`);
  const imports = files.flatMap((f) => importsOf(f, readFileSync(join(SRC, f), 'utf8')));
  assert.deepEqual(violations(imports), []);
});

test('the check names a value import of model/ in store/, and lets the same import as types pass', () => {
  const value = importsOf('store/lean.ts', "import { toPodRow } from '../model/podRow.ts';\n");
  const types = importsOf('store/lean.ts', "import type { PodRow } from '../model/podRow.ts';\nimport { type A, type B } from '../model/types.ts';\n");
  assert.deepEqual(violations(value), ["src/store/lean.ts:1 imports '../model/podRow.ts': store/ may take only types from model/ (use import type)"]);
  assert.deepEqual(violations(types), []);
});

test('the check sees import() in a type position and a client-node value below cluster/', () => {
  const source = [
    '// import { x } from "../cluster/logs.ts" (a comment, not an import)',
    "type Session = import('../../cluster/logs.ts').OpenedLogSession;",
    'import {',
    '  KubeConfig,',
    "} from '@kubernetes/client-node';",
  ].join('\n');
  assert.deepEqual(violations(importsOf('ui/host/x.ts', source)), [
    "src/ui/host/x.ts:3 imports '@kubernetes/client-node': ui/ names nothing of @kubernetes/client-node, not even types (the model's own shapes are in model/leanPodType.ts)",
    "src/ui/host/x.ts:2 imports '../../cluster/logs.ts': ui/ never imports cluster/ (it may import store, model, text)",
  ]);
});

test('client-node: store/ may name its types, model/ not even those', () => {
  const typeImport = "import type { V1Pod } from '@kubernetes/client-node';\n";
  assert.deepEqual(violations(importsOf('store/x.ts', typeImport)), []);
  assert.deepEqual(violations(importsOf('model/x.ts', typeImport)), [
    "src/model/x.ts:1 imports '@kubernetes/client-node': model/ names nothing of @kubernetes/client-node, not even types (the model's own shapes are in model/leanPodType.ts)",
  ]);
});

test('the sim imports nothing of the product, and a new folder under src/ must be placed in the table', () => {
  assert.deepEqual(violations(importsOf('sim/exec/x.ts', "import type { SimWorld } from '../world.ts';\nimport { sanitize } from '../../text/sanitize.ts';\n")), [
    "src/sim/exec/x.ts:2 imports '../../text/sanitize.ts': sim/ never imports text/ (it may import nothing of the product)",
  ]);
  assert.match(violations(importsOf('ports/x.ts', "import type { PodKey } from '../store/types.ts';\n"))[0]!, /src\/ports\/ is not a layer/);
});
