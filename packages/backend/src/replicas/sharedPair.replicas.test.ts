import { liveStatusOnReplicas } from './liveStatus.suite';
import { scaffolderOnReplicas } from './scaffolder.suite';
import { useProductionShape } from './__testUtils__/productionShape';

// The live status API and the scaffolder on one pair of replicas: starting
// PostgreSQL, Redis, moto and two backends is most of each suite's cost, so
// the two share one start. The live status tests only read AWS; the
// scaffolder's run after them, and the last one kills a replica.
// schedule.replicas.test.ts keeps a pair of its own: it needs a short
// refresh schedule, which these tests must not have.

/** Recovery takes a task up after this many seconds without a heartbeat. */
const STALE_S = 5;

const shape = useProductionShape({
  auth: {
    providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
  },
  catalog: {
    providers: {
      awsPlatform: {
        regions: ['us-east-1'],
        // The ingestion runs once at startup, not during the tests.
        schedule: { frequency: 'PT30M', timeout: 'PT5M' },
      },
    },
  },
  awsPlatform: { liveStatus: { cacheTtl: 'PT60S' } },
  // app-config.production.yaml turns recovery on; shorter here.
  scaffolder: { taskRecovery: { staleTimeout: { seconds: STALE_S } } },
});

liveStatusOnReplicas(shape);
scaffolderOnReplicas(shape);
