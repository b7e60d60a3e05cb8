/**
 * The @nestjs/swagger CLI plugin in Jest, with the options `nest build` reads from
 * nest-cli.json, so the OpenAPI document served in tests is the one served from dist.
 *
 * This module is both things jest.config.js needs:
 * - a Jest transformer (`createTransformer`): ts-jest with a program, for the files the plugin
 *   reads (DTOs, responses, controllers), since the plugin needs the type checker and the rest
 *   of the suite compiles isolated modules. ts-jest keeps one configuration per Jest project in
 *   a static cache, whatever options each `transform` entry gives, so this loads its own copy
 *   of ts-jest's transformer class; ts-jest then also keys its cache on the files each one imports.
 * - a ts-jest AST transformer (`name`, `version`, `factory`): the plugin itself.
 */
const { before } = require('@nestjs/swagger/plugin');
const nestCli = require('../nest-cli.json');

const { options } = nestCli.compilerOptions.plugins.find((plugin) => plugin.name === '@nestjs/swagger');

/** The file names the plugin reads, as a Jest `transform` pattern. */
const pattern = [...options.dtoFileNameSuffix, ...options.controllerFileNameSuffix]
  .map((suffix) => suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

function privateTsJestTransformer() {
  const path = require.resolve('ts-jest/dist/legacy/ts-jest-transformer');
  const shared = require.cache[path];
  delete require.cache[path];
  try {
    return require(path).TsJestTransformer;
  } finally {
    if (shared) require.cache[path] = shared;
    else delete require.cache[path];
  }
}

module.exports = {
  pattern: `(?:${pattern})$`,
  createTransformer: (tsJestOptions) => new (privateTsJestTransformer())(tsJestOptions),
  name: 'nestjs-swagger-plugin',
  // ts-jest keys its cache on this: bump the suffix when this file changes what the plugin emits.
  version: `${require('@nestjs/swagger/package.json').version}-1`,
  factory: (compiler) => before(options, compiler.program),
};
