#!/usr/bin/env bash
# Runs the portal's backend as two replicas sharing one PostgreSQL database
# and one Redis cache, on the seeded local AWS estate: the production shape
# (docs/deployment.md). Starts a throwaway PostgreSQL and Redis on loopback,
# moto seeded with the reference organization, and the backend of
# packages/backend twice, with app-config.yaml + app-config.production.yaml.
# Ctrl-C stops everything and deletes the database.
#
#   scripts/start-replicas.sh                    # replicas on 7007 and 7008
#   REPLICA_PORTS="7007 7008 7009" scripts/start-replicas.sh
#   yarn workspace app start                     # the frontend, against 7007
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"
source "$REPO_ROOT/scripts/lib/postgres.sh"
source "$REPO_ROOT/scripts/lib/redis.sh"

ensure_toolchain
require_moto
require_postgres
require_redis
cd "$REPO_ROOT"
mkdir -p "$TOOLS_DIR/replicas"

read -r -a ports <<<"${REPLICA_PORTS:-7007 7008}"
env_file="$TOOLS_DIR/replicas/local-aws.env"
rm -f "$env_file"
aws_pid=""
replica_pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${replica_pids[@]}"; do stop_group "$pid"; done
  [ -n "$aws_pid" ] && stop_group "$aws_pid"
  stop_redis
  stop_postgres
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "==> Starting PostgreSQL and Redis on loopback (throwaway, generated passwords)"
start_postgres 0
start_redis 0
echo "==> PostgreSQL at 127.0.0.1:$POSTGRES_PORT, Redis at 127.0.0.1:${REDIS_URL##*:}"

echo "==> Starting the local AWS estate (moto) and seeding the reference organization"
setsid node packages/local-aws/src/cli.ts serve --port 0 --seed reference --env-out "$env_file" &
aws_pid=$!
wait_for_file "$env_file" 120 "$aws_pid"
set -a
# shellcheck disable=SC1090
source "$env_file"
set +a

# Answers once the replica's plugins have all started (readiness 200, not 503).
wait_for_ready() {
  local port="$1" pid="$2" deadline=$((SECONDS + 300))
  until curl -sf -o /dev/null --max-time 2 "http://localhost:$port/.backstage/health/v1/readiness"; do
    kill -0 "$pid" 2>/dev/null || die "the replica on port $port exited; see .tools/replicas/backend-$port.log"
    [ "$SECONDS" -lt "$deadline" ] || die "the replica on port $port was not ready within 300s"
    sleep 1
  done
}

# The backend as `backstage-cli package start` runs it, without the file
# watcher. One after the other: the first runs the database migrations.
node_transform="$(node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")')"
for port in "${ports[@]}"; do
  echo "==> Starting backend replica on port $port (log: .tools/replicas/backend-$port.log)"
  (
    cd packages/backend
    NODE_ENV="${NODE_ENV:-development}" \
      APP_CONFIG_backend_listen_port="$port" \
      APP_CONFIG_backend_baseUrl="http://localhost:$port" \
      exec setsid node --enable-source-maps --require "$node_transform" src/index.ts \
      --config ../../app-config.yaml --config ../../app-config.production.yaml \
      >"$TOOLS_DIR/replicas/backend-$port.log" 2>&1
  ) &
  replica_pids+=($!)
  wait_for_ready "$port" "$!"
done
echo
echo "Replicas ready: $(printf 'http://localhost:%s ' "${ports[@]}")(one database, one cache)"
echo

wait -n "${replica_pids[@]}"
