// The layers of docs/ARCHITECTURE.md, enforced (npm run lint:layers, part of npm test). An arrow may only point down:
// policy → domain → services → adapters → entry points (server, cli) and the web, which never reaches past the
// pure layers and the server's API schemas.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'policy-is-pure',
      comment:
        'The law as code imports only itself and the vocabulary (codes and their Chinese names): no services, adapters, entry points or Node I/O.',
      severity: 'error',
      from: { path: '^src/policy/' },
      to: {
        pathNot: ['^src/policy/', '^src/domain/vocabulary/', '(^|/)node_modules/(yaml|zod)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'vocabulary-stands-alone',
      comment: 'The vocabulary imports nothing but itself and type declarations, so every layer may use it.',
      severity: 'error',
      from: { path: '^src/domain/vocabulary/' },
      to: { pathNot: '^src/domain/vocabulary/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-over-policy-only',
      comment: 'The vocabulary, types and state machines build on the policy core and nothing below it.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(services|adapters|server|cli)/' },
    },
    {
      name: 'services-not-entry-points',
      comment: 'Use cases never reach up into the HTTP server or the command line.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'adapters-not-services',
      comment: 'Adapters talk to the world for the services; they never call a use case or an entry point.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(services|server|cli)/' },
    },
    {
      name: 'server-not-cli',
      comment: 'The HTTP server and the command line are separate entry points.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-only-pure-layers',
      comment: 'The browser bundle takes the policy core, the vocabulary and the API schemas — never services or adapters.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(services|adapters|cli)/' },
    },
    {
      name: 'web-server-schemas-only',
      comment: 'Of the server, the browser may only import the API contract (route schemas).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/server/', pathNot: '^src/server/schemas/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles hide the layering.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test',
      comment: 'Production code never imports tests or their support.',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|web/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
