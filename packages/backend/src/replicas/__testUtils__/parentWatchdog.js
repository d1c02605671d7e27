/*
 * Loaded into each backend replica a test starts (node --require): the
 * replica exits when the test process that started it goes away (its IPC
 * channel closes) or after REPLICA_MAX_LIFETIME_MS, so a crashed test run
 * cannot leave backends listening.
 */
process.on('disconnect', () => process.exit(1));
setTimeout(() => {
  process.exit(1);
}, Number(process.env.REPLICA_MAX_LIFETIME_MS || 900000)).unref();
