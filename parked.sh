#!/usr/bin/env bash
# Messages parked after every retry and redelivery (about two hours), in the local system that ./run.sh started:
#   ./parked.sh           the consumers' _error queues that hold messages, with their counts
#   ./parked.sh replay    puts every parked message back in its consumer's queue (after the cause is fixed)
#   ./parked.sh replay QUEUE...   only these consumers' (dossier-request-received, ...)
# On another broker, the same tool: dotnet run --project tools/CommercialManagement.Parked -- replay --broker amqp://... QUEUE...
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
data_root=$(realpath -m "${CM_DATA_FOLDER:-$root/.data/local}")
base="$data_root/rabbitmq"
[ -f "$base/rabbitmq.conf" ] || { echo "no local RabbitMQ in $data_root: start the system with ./run.sh first" >&2; exit 1; }
node="cm$(printf '%s' "$data_root" | sha1sum | cut -c1-10)@localhost"
port=$(sed -n 's/^listeners\.tcp\.default = 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$base/rabbitmq.conf")

parked=$(HOME="$base/home" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q list_queues name messages 2>/dev/null \
  | awk '$1 ~ /_error$/ && $2 > 0 { print $1 "\t" $2 }') || { echo "the local RabbitMQ ($node) does not answer: is ./run.sh running?" >&2; exit 1; }

if [ "${1:-}" != "replay" ]; then
  if [ -z "$parked" ]; then echo "no parked message"; else echo "$parked"; fi
  exit 0
fi

shift
queues=("$@")
if [ ${#queues[@]} -eq 0 ]; then
  mapfile -t queues < <(awk -F'\t' '{ sub(/_error$/, "", $1); print $1 }' <<<"$parked" | sed '/^$/d')
fi
[ ${#queues[@]} -gt 0 ] || { echo "no parked message"; exit 0; }
CM_BROKER="amqp://guest:guest@127.0.0.1:$port/" \
  dotnet run --project "$root/tools/CommercialManagement.Parked" -- replay "${queues[@]}"
