/** Architecture rules, checked in CI by `npm run arch`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds deciders only: no Nest, no database driver, no event store client, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: {
        path: [
          'node_modules/@nestjs/',
          'node_modules/better-sqlite3',
          'node_modules/pg',
          'node_modules/kysely',
          'node_modules/@eventstore/',
          'node_modules/@kurrent/',
          'node_modules/@grpc/',
          'node_modules/class-validator',
          'node_modules/class-transformer',
          '^libs/(commands|event-store|read-models)/',
          '^apps/',
        ],
      },
    },
    {
      name: 'event-store-is-generic-storage',
      comment:
        'libs/event-store stores and reads streams of any events: it knows no record kind, decider or command (libs/commands handles those), no read model and no app.',
      severity: 'error',
      from: { path: '^libs/event-store/src' },
      to: { path: ['^libs/(domain|commands|read-models|runtime)/', '^apps/'] },
    },
    {
      name: 'commands-know-no-http-or-sql',
      comment:
        'libs/commands is load → decide → append over the domain and the event-store port: no app, no read model, no Nest, no HTTP, no database driver.',
      severity: 'error',
      from: { path: '^libs/commands/src' },
      to: {
        path: [
          '^apps/',
          '^libs/(read-models|runtime)/',
          'node_modules/@nestjs/',
          'node_modules/fastify',
          'node_modules/better-sqlite3',
          'node_modules/pg',
        ],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'esdb-client-stays-in-its-adapter',
      comment: 'Client-library types never leave the EventStoreDB adapter (and its protocol-level test server).',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/(event-store/src/esdb|testing/src/esdb-test-server)/' },
      to: { path: 'node_modules/@eventstore/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot:
          '(\\.(spec|int-spec|e2e-spec|cli-spec|process-spec|browser-spec)\\.ts$|/test/|^libs/testing/|contract-suite)',
      },
      to: {
        path: '(\\.(spec|int-spec|e2e-spec|cli-spec|process-spec|browser-spec)\\.ts$|^libs/testing/|contract-suite)',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^dist/' },
  },
};
