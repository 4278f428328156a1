#!/usr/bin/env bash
# Installs what a fresh Debian machine with only the .NET SDK lacks to run and test the system, when it is
# missing: PostgreSQL and RabbitMQ (the local infrastructure mode), Chromium (browser tests), Liberation fonts
# (PDFs), poppler-utils (PDF to PNG), and the repository's local dotnet tools (smtp4dev, dotnet-ef).
# Sourced by run.sh and test.sh; safe to run again.

cm_missing_packages() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/liberation2 ] || missing+=(fonts-liberation2)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  command -v setpriv >/dev/null || missing+=(util-linux)
  printf '%s\n' "${missing[@]}"
}

cm_ensure_prerequisites() {
  local root=$1
  local missing
  mapfile -t missing < <(cm_missing_packages)
  if [ ${#missing[@]} -gt 0 ] && [ -n "${missing[0]}" ]; then
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  (cd "$root" && dotnet tool restore >/dev/null)
}
