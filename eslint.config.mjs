// `npm run lint` runs this over every package (with the package-boundary check). typescript-eslint's recommended
// rules, React's hooks rules on the site's client code, Next's own rules on web/.
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// 'student' is left out of the role names: it names other things too (a regrade's scope); comparing a `role` is caught anyway.
const roleNames = '/^(instructor|teaching-assistant|admin|administrator|course-creator)$/';
const roleHolder = '/^(role|roles|[a-z]+Role|[a-z]+Roles)$/';
const askThePolicy = 'Compare no roles here: ask the permission module (can, courseCan in web/src/server/auth/permissions.ts).';
/** The shapes a role check takes: a role compared (== / != / switch / includes…), or a role's name compared with. */
const roleComparisons = [
  `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=${roleNames}]`,
  `BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name=${roleHolder}]`,
  `BinaryExpression[operator=/^[!=]==?$/] > Identifier[name=${roleHolder}]`,
  `SwitchStatement > MemberExpression.discriminant[property.name=${roleHolder}]`,
  `SwitchStatement > Identifier.discriminant[name=${roleHolder}]`,
  `SwitchCase > Literal.test[value=${roleNames}]`,
  `CallExpression[callee.property.name=/^(includes|indexOf)$/] > Literal[value=${roleNames}]`,
  `CallExpression[callee.property.name=/^(includes|indexOf)$/] > MemberExpression[property.name=${roleHolder}]`,
  `CallExpression[callee.property.name=/^(includes|indexOf)$/] > Identifier[name=${roleHolder}]`,
].map((selector) => ({ selector, message: askThePolicy }));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/artifacts/**',
      'web/public/**',
      '**/*.d.ts',
      '**/baselines.ts',
      '**/.web-snapshot/**',
      'grader/.build/**',
      '**/.exp/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter or binding kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `(...args: any[]) => unknown` is how TypeScript spells "a function of any arguments".
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
    },
  },
  {
    // Known-wrong files are a student's mistake on purpose (e.g. a count never used: the mean never taken).
    files: ['exercises/content/**/known-wrong.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Issue 18: who may do what is decided in one place, web/src/server/auth/permissions.ts; nothing else in the site
    // compares roles (web/test/permissions.test.ts checks that this rule catches what it should).
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/server/auth/permissions.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...roleComparisons],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    settings: { next: { rootDir: 'web/' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
    },
  },
);
