/** Every test tier shares one config; files are told apart by suffix (README, Development). */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');
const swaggerPlugin = require('./scripts/swagger-plugin.jest.js');

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec|cli-spec|process-spec|browser-spec)\\.ts$',
  transform: {
    // The files the @nestjs/swagger plugin reads (nest-cli.json) are compiled with it, as `nest build` does.
    [swaggerPlugin.pattern]: [
      '<rootDir>/scripts/swagger-plugin.jest.js',
      {
        tsconfig: { isolatedModules: false },
        diagnostics: false,
        astTransformers: { before: ['<rootDir>/scripts/swagger-plugin.jest.js'] },
      },
    ],
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // content-disposition 3 (under @fastify/static, which serves /docs) ships only ES modules.
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 30000,
};
