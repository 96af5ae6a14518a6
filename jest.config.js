/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // htmlparser2 12 and its helpers ship only ES modules: jest (CommonJS here) needs them compiled.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/)'],
  testTimeout: 120000,
  // The CLI the tests spawn is the compiled one: build it from the current sources first.
  globalSetup: '<rootDir>/test/support/build.cjs',
};
