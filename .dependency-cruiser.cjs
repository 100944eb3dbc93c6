// Layer rules (STYLE.md "Layers"): core is pure, the worker is the only composition root, the UI
// reaches the worker only through protocol.ts and client.ts. `npm test` runs this; a violation fails it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core may import only src/core and @tensorflow/tfjs(-core): no UI, worker, CLI, DOM libraries, backends or Node built-ins.',
      severity: 'error',
      from: { path: '(^|/)src/core/' },
      to: { pathNot: ['(^|/)src/core/', '(^|/)node_modules/@tensorflow/tfjs(-core)?/'] },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'src/core runs in browsers and workers too: no node: modules.',
      severity: 'error',
      from: { path: '(^|/)src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ui-through-client-only',
      comment: 'src/ui talks to the worker only through protocol.ts and client.ts.',
      severity: 'error',
      from: { path: '(^|/)src/(ui/|main\\.tsx)' },
      to: { path: '(^|/)src/worker/', pathNot: '(^|/)src/worker/(protocol|client)\\.ts$' },
    },
    {
      name: 'ui-no-tfjs',
      comment: 'The UI never holds tensors: no tfjs in src/ui.',
      severity: 'error',
      from: { path: '(^|/)src/(ui/|main\\.tsx)' },
      to: { path: '(^|/)node_modules/@tensorflow/' },
    },
    {
      name: 'ui-core-types-only',
      comment: 'The UI may read core types, and run only the search-space data and its pure helpers (no tensors, no heavy work).',
      severity: 'error',
      from: { path: '(^|/)src/(ui/|main\\.tsx)' },
      to: { path: '(^|/)src/core/', pathNot: '(^|/)src/core/space/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'space-is-tensor-free',
      comment: 'src/core/space is plain data and arithmetic (the UI runs it): no tfjs.',
      severity: 'error',
      from: { path: '(^|/)src/core/space/' },
      to: { path: '(^|/)node_modules/@tensorflow/' },
    },
    {
      name: 'backends-only-in-worker',
      comment: 'Only the composition roots (src/worker in the browser, src/cli in Node) import tfjs backend packages.',
      severity: 'error',
      from: { pathNot: '(^|/)src/(worker|cli)/' },
      to: { path: '(^|/)node_modules/@tensorflow/tfjs-backend-' },
    },
    {
      name: 'worker-not-ui',
      severity: 'error',
      from: { path: '(^|/)src/worker/' },
      to: { path: '(^|/)src/(ui/|main\\.tsx)' },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { pathNot: '(^|/)src/cli/' },
      to: { path: '(^|/)src/cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
