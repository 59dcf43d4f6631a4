import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Folder rules from DESIGN.md §2. Dependency direction is one way:
// ui/scene -> state -> worker -> engine. Each folder below lists what it may NOT import.

/** Relative imports that climb out of the current folder into one of `layers`.
 * Anchored on the leading `../` chain so a sibling file such as `../optim/state` is not
 * mistaken for the `src/state` layer (no core rule resolves paths; this is the cheap proxy). */
const layerPattern = (layers, why) => ({
  regex: `^(\\./)?(\\.\\./)+(${layers.join('|')})(/|$)`,
  message: why,
});

const uiPackages = (why) => ({
  group: [
    'react',
    'react/**',
    'react-dom',
    'react-dom/**',
    'three',
    'three/**',
    'zustand',
    'zustand/**',
    '@react-three/**',
  ],
  message: why,
});

const nodeBuiltins = {
  regex: '^(node:.*|fs|fs/promises|path|os|child_process|worker_threads|crypto|url|util)$',
  message: 'Engine code must also run in a browser Worker: no Node built-ins (tests may use them).',
};

// TensorFlow.js is a dev-only dependency (cross-checks and benchmarks): never in the app.
const devOnly = {
  group: ['@tensorflow/*', '@tensorflow/**'],
  message: 'TensorFlow.js is dev-only (tests/ and bench/); it must not reach the app bundle.',
};

const enginePatterns = [
  devOnly,
  uiPackages('src/engine is framework-free (DESIGN.md §2).'),
  layerPattern(
    ['worker', 'state', 'ui', 'scene', 'cli', 'walkthroughs', 'embed', 'article'],
    'src/engine imports nothing above it.',
  ),
];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'bench-results/'] },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      // Leading underscore marks an intentionally unused parameter (e.g. protocol handlers).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Browser app code (the engine block below narrows this further).
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [devOnly] }] },
  },
  // Hooks in a fixed order (a hook after an early return breaks React's bookkeeping).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['src/worker/**/*.ts'], languageOptions: { globals: { ...globals.worker } } },
  { files: ['public/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },

  // Node-side code: CLI, configs, scripts, tests, benchmarks.
  {
    files: ['src/cli/**', 'scripts/**', 'tests/**', 'bench/**', '*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      // Determinism: every random draw goes through the seeded rng in src/engine/rng.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded rng from src/engine/rng.' },
        // Math's transcendental functions differ by an ulp between JS engines; the engine
        // uses src/engine/detmath so runs are bit-identical in Node and browsers.
        ...[
          'exp',
          'expm1',
          'log',
          'log1p',
          'log2',
          'log10',
          'sin',
          'cos',
          'tan',
          'atan',
          'atan2',
          'asin',
          'acos',
          'sinh',
          'cosh',
          'tanh',
          'pow',
          'hypot',
          'cbrt',
        ].map((property) => ({
          object: 'Math',
          property,
          message: 'Use src/engine/detmath (deterministic across JS engines).',
        })),
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'navigator',
          'localStorage',
          'sessionStorage',
          'location',
          'requestAnimationFrame',
          'postMessage',
          'fetch',
          'Worker',
        ].map((name) => ({
          name,
          message: 'src/engine is DOM-free; it runs in Node, Workers and tests.',
        })),
      ],
      'no-restricted-imports': ['error', { patterns: [...enginePatterns, nodeBuiltins] }],
    },
  },
  {
    // Tests beside engine code may read fixtures from disk; they still may not climb layers.
    files: ['src/engine/**/*.test.ts', 'src/engine/**/*.testutil.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: enginePatterns }],
      // Tests compare against Math's functions; only unseeded randomness stays banned.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded rng.' },
      ],
    },
  },

  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            uiPackages('src/worker drives the engine; it knows nothing of React, three or stores.'),
            layerPattern(
              ['state', 'ui', 'scene', 'cli', 'walkthroughs', 'embed', 'article'],
              'src/worker may import only the engine.',
            ),
          ],
        },
      ],
    },
  },

  {
    files: ['src/state/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            layerPattern(
              ['ui', 'scene', 'walkthroughs', 'embed', 'article'],
              'src/state sits below ui/scene.',
            ),
          ],
        },
      ],
    },
  },

  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            uiPackages('src/cli runs in Node over the engine only.'),
            layerPattern(
              ['state', 'ui', 'scene', 'walkthroughs', 'embed', 'article'],
              'src/cli imports only the engine (and the worker runner).',
            ),
          ],
        },
      ],
    },
  },

  // The embed shell sits on top (like main.tsx); its protocol file is shared with host
  // pages, so it stays dependency-free.
  {
    files: ['src/embed/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            uiPackages('The embed protocol is shared with host pages: no framework.'),
            layerPattern(
              ['engine', 'worker', 'state', 'ui', 'scene', 'walkthroughs', 'article'],
              'The embed protocol imports nothing.',
            ),
          ],
        },
      ],
    },
  },
  // The demo article's host script is what an author pastes: the protocol file only.
  {
    files: ['src/article/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            uiPackages('The article host script is plain DOM.'),
            layerPattern(
              ['engine', 'worker', 'state', 'ui', 'scene', 'walkthroughs'],
              'The article host script uses only src/embed/protocol.',
            ),
          ],
        },
      ],
    },
  },
);
