import { describeConvergence } from '../testing/convergence';

// The default run's depth; `npm run test:deep` runs the same property hundreds of times
// (convergence.deep.test.ts).
describeConvergence({ numRuns: 4, timeoutMs: 300_000 });
