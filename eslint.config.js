import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { tableOwner } from './eslint/table-owner.js';

const featuresDir = 'web/src/features';
const features = fs.existsSync(featuresDir)
  ? fs.readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

// Only the gateway (which applies the policy and the guard first), the runs pipeline that drives it and the
// assistants it hands a provider to may use a model provider (docs/decisions/0004).
const modulesDir = 'server/src/modules';
// Assistants get their provider handed to them by the runs pipeline, after the gateway's policy and guard.
const providerCallers = new Set(['gateway', 'runs', 'providers', 'assistants']);
const otherModules = fs.existsSync(modulesDir)
  ? fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !providerCallers.has(d.name)).map((d) => d.name)
  : [];

// The architecture of STYLE.md, made checkable: contracts depend on nothing but zod, lib knows no domain,
// only lib/db.ts touches the generated Prisma clients, routes are reached only through app.ts, and web
// features do not import each other.
const zones = [
  {
    target: './server/src/contracts',
    from: './server/src',
    except: ['./contracts'],
    message: 'Contracts import nothing but zod (the web imports them too).',
  },
  { target: './server/src/lib', from: './server/src/modules', message: 'lib/ has no domain knowledge.' },
  {
    target: './server/src/modules',
    from: './server/src/generated',
    message: 'Use server/src/lib/db.ts, not the generated clients.',
  },
  { target: './web', from: './server/src', except: ['./contracts'], message: 'The web reaches the server only through contracts.' },
  { target: './server/src', from: './server/scripts', message: 'The server never imports its command-line tools and benchmarks (server/scripts).' },
  ...otherModules.map((m) => ({
    target: `./${modulesDir}/${m}`,
    from: `./${modulesDir}/providers`,
    message: 'Only the gateway and the runs pipeline call model providers: the policy and the guard come first (docs/decisions/0004).',
  })),
  {
    target: ['./web/src/features', './web/src/components', './web/src/lib'],
    from: './web/src/app',
    message: 'Only web/src/app composes the app; features, components and lib do not import it.',
  },
  {
    target: ['./web/src/components', './web/src/lib'],
    from: './web/src/features',
    message: 'Shared code does not depend on a feature.',
  },
  ...features.map((f) => ({
    target: `./${featuresDir}/${f}`,
    from: `./${featuresDir}`,
    except: [`./${f}`],
    message: 'Web features do not import each other; move shared UI to web/src/components and shared logic to web/src/lib.',
  })),
];

// Text bound for a provider is scanned, judged and pseudonymised in one place: the gateway. Tests may use the
// guard directly to build what an assistant would see.
const textLeavers = fs.existsSync(modulesDir)
  ? fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !['guard', 'gateway'].includes(d.name)).map((d) => d.name)
  : [];
const gatewayZones = textLeavers.map((m) => ({
  target: `./${modulesDir}/${m}`,
  from: [`./${modulesDir}/guard/scan.ts`, `./${modulesDir}/guard/pseudonymise.ts`, `./${modulesDir}/guard/guard.service.ts`],
  message: 'Scan, judge and pseudonymise text through the gateway (gateway.service.ts guardText), not the guard directly (docs/decisions/0004).',
}));

// A module is reached from another through its service and its types (STYLE.md): its `*.service.ts` and
// `*.types.ts` files are its front door (and `*.middleware.ts`, the Express middleware other modules' routes put
// in front of their handlers), everything else in its folder is its own. contracts/ and lib/ are for all.
const modulesRoot = path.resolve(import.meta.dirname, modulesDir);
const moduleOf = (file) => {
  const rel = path.relative(modulesRoot, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};
const moduleBoundary = {
  meta: {
    type: 'problem',
    messages: {
      internal:
        "'{{file}}' belongs inside the {{theirs}} module: reach it through its service or its types (a *.service.ts or *.types.ts file), or move what both need to contracts/ or lib/.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const mine = moduleOf(file);
    if (!mine) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec);
      const theirs = moduleOf(target);
      if (!theirs || theirs === mine) return;
      const base = path.basename(target).replace(/\.js$/, '.ts');
      if (/\.(service|types|middleware)\.ts$/.test(base)) return;
      context.report({ node: node.source, messageId: 'internal', data: { theirs, file: base } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
const architecture = { rules: { 'module-boundary': moduleBoundary, 'table-owner': tableOwner } };

const boundaries = (extraZones) => ({
  'import/no-restricted-paths': ['error', { zones: [...zones, ...extraZones] }],
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: ['**/*.routes.js', '**/*.routes'], message: 'Reach another module through its service, not its routes.' }] },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'server/src/generated/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { import: importPlugin, architecture },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      // Without a parser for .ts the import plugin cannot read the files an import leads to, and no-cycle sees none.
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { typescript: { project: ['tsconfig.json', 'web/tsconfig.json'], noWarnOnMultipleProjects: true }, node: true },
    },
    rules: {
      ...boundaries(gatewayZones),
      // A module that needs another's internals and is needed by it is one module in two folders (STYLE.md).
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'architecture/module-boundary': 'error',
      'architecture/table-owner': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      // A function past ~80 lines is asking to be split into named steps (STYLE.md): the top function reads as
      // the story of the request. Tests' describe blocks are lists of cases and are not held to it.
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['server/src/app.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'prisma/tools/**'],
    // Tests build their fixtures from whatever they need.
    rules: {
      'no-console': 'off',
      ...boundaries([]),
      'architecture/module-boundary': 'off',
      'architecture/table-owner': 'off',
      'max-lines-per-function': 'off',
    },
  },
);
