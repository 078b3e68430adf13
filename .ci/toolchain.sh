# Sourced, not run (`. .ci/toolchain.sh`, as ./liaison and .ci/run do): puts Node 24 and pnpm 11 on
# PATH. Where the machine lacks them, fetches the pinned versions (.node-version, package.json's
# packageManager) from the npm registry into ~/.cache/liaison-toolchain, once.
_lt_root="$(cd "$(dirname "${BASH_SOURCE[0]:-.ci/toolchain.sh}")/.." && pwd)"
_lt_dir="${LIAISON_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/liaison-toolchain}"
_lt_node="$(cat "$_lt_root/.node-version")"
_lt_pnpm="$(sed -n 's/.*"packageManager": *"pnpm@\([0-9.]*\).*/\1/p' "$_lt_root/package.json")"

# Installs name@version into $3 through a temporary folder, so a half-done fetch never counts.
_lt_fetch() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Fetching $1 $2 needs npm: install it (e.g. \`apt-get install npm\`) or install Node ${_lt_node%%.*} yourself." >&2
    return 1
  fi
  echo "Fetching $1 $2 from the npm registry into $3 (once)" >&2
  mkdir -p "$(dirname "$3")" && rm -rf "$3.partial.$$" || return 1
  if [ "$1" = node ]; then
    npm install --loglevel=error --no-save --no-audit --no-fund --prefix "$3.partial.$$" "node@$2" >&2
  else
    npm install --loglevel=error --global --no-audit --no-fund --prefix "$3.partial.$$" "pnpm@$2" >&2
  fi || {
    rm -rf "$3.partial.$$"
    echo "Could not fetch $1 $2 with npm (its error is above): fix npm's access to the registry, or install $1 ${2%%.*} yourself." >&2
    return 1
  }
  mv -T "$3.partial.$$" "$3" 2>/dev/null || rm -rf "$3.partial.$$" # another shell was quicker
}

if [ "$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')" != "${_lt_node%%.*}" ]; then
  [ -x "$_lt_dir/node-$_lt_node/node_modules/.bin/node" ] || _lt_fetch node "$_lt_node" "$_lt_dir/node-$_lt_node" || true
  export PATH="$_lt_dir/node-$_lt_node/node_modules/.bin:$PATH"
fi
if ! pnpm --version 2>/dev/null | grep -q "^${_lt_pnpm%%.*}\."; then
  [ -x "$_lt_dir/pnpm-$_lt_pnpm/bin/pnpm" ] || _lt_fetch pnpm "$_lt_pnpm" "$_lt_dir/pnpm-$_lt_pnpm" || true
  export PATH="$_lt_dir/pnpm-$_lt_pnpm/bin:$PATH"
fi
export ASTRO_TELEMETRY_DISABLED=1
unset -f _lt_fetch
unset _lt_root _lt_dir _lt_node _lt_pnpm
