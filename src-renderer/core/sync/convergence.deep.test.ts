import { describeConvergence } from '../testing/convergence';
import { envInt, envOptional } from '../testing/deep-env';

/**
 * Deep mode (`npm run test:deep`, not in the default run): the three-replica convergence
 * property at OUTPOST_DEEP_RUNS cases (200 unless set). A failure prints fast-check's seed and
 * path; OUTPOST_DEEP_SEED and OUTPOST_DEEP_PATH replay exactly that case.
 */
const numRuns = envInt('OUTPOST_DEEP_RUNS', 200);
const seed =
  envOptional('OUTPOST_DEEP_SEED') === undefined
    ? undefined
    : envInt('OUTPOST_DEEP_SEED', 0, -(2 ** 31));
const path = envOptional('OUTPOST_DEEP_PATH');

// About a second per case on two cores, growing as the replicas fill up: allow ten.
describeConvergence({ numRuns, seed, path, timeoutMs: 120_000 + numRuns * 10_000 });
