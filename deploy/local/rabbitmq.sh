#!/usr/bin/env bash
# A private RabbitMQ for the AppHost's "local" infrastructure mode (Debian's rabbitmq-server package).
# Runs the server as the current user (Debian's /usr/sbin wrapper would switch to the rabbitmq user).
# Usage: rabbitmq.sh DATA_ROOT   with RABBITMQ_NODE_PORT and RABBITMQ_DIST_PORT set (the AppHost passes them).
set -euo pipefail

data_root=$(realpath -m "$1")
: "${RABBITMQ_NODE_PORT:?RABBITMQ_NODE_PORT is not set}"
: "${RABBITMQ_DIST_PORT:?RABBITMQ_DIST_PORT is not set}"
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || {
  echo "RabbitMQ is not installed: apt-get install rabbitmq-server" >&2; exit 1; }

base="$data_root/rabbitmq"
mkdir -p "$base/home" "$base/mnesia" "$base/log"
# One stable node name per data folder, so the queues and their messages survive a restart.
node="cm$(printf '%s' "$data_root" | sha1sum | cut -c1-10)"
echo "[]." > "$base/enabled_plugins"
cat > "$base/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBITMQ_NODE_PORT
loopback_users.guest = true
log.console = true
log.console.level = warning
log.file = false
CONF

export HOME="$base/home"
export RABBITMQ_NODENAME="$node@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE="$base/mnesia"
export RABBITMQ_LOG_BASE="$base/log"
export RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins"
export RABBITMQ_PID_FILE="$base/rabbitmq.pid"

/usr/lib/rabbitmq/bin/rabbitmq-server &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' TERM INT
wait "$pid" || true
wait "$pid" 2>/dev/null || true
