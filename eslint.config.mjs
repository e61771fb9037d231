import tseslint from 'typescript-eslint'

const hostModules = [
  'electron',
  'react',
  'react-dom',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'worker_threads',
  'url',
  'util',
  'events',
  'stream',
  'buffer',
  'process',
]
const hostMessage = 'src/sim must stay host-free (no Electron, React, DOM or Node built-ins).'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The simulation core runs in Node, a browser Worker and Electron alike.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: hostModules.map((name) => ({ name, message: hostMessage })),
          patterns: [{ regex: '^(node:|react/|react-dom/|electron/)', message: hostMessage }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/sim must not touch the DOM.' },
        { name: 'document', message: 'src/sim must not touch the DOM.' },
        { name: 'process', message: 'src/sim must not touch Node globals.' },
        { name: 'Buffer', message: 'src/sim must not touch Node globals.' },
        { name: 'setTimeout', message: 'time comes from the virtual clock.' },
        { name: 'setInterval', message: 'time comes from the virtual clock.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'randomness comes from the seeded source (core/random.ts).',
        },
        {
          object: 'Date',
          property: 'now',
          message: 'time comes from the virtual clock (core/clock.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
