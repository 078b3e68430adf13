# Sourced, not run: puts Node 24 and pnpm 11 on PATH, fetching them from the
# npm registry into ~/.cache/liaison-toolchain when the machine lacks them.
_liaison_tools="${LIAISON_TOOLCHAIN_DIR:-$HOME/.cache/liaison-toolchain}"
_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(_node_major)" != "24" ]; then
  if [ ! -x "$_liaison_tools/node/node_modules/.bin/node" ]; then
    echo "Fetching Node 24 from the npm registry into $_liaison_tools/node" >&2
    npm install --silent --no-save --prefix "$_liaison_tools/node" node@24 >&2
  fi
  export PATH="$_liaison_tools/node/node_modules/.bin:$PATH"
fi
if ! pnpm --version 2>/dev/null | grep -q '^11\.'; then
  if [ ! -x "$_liaison_tools/pnpm/bin/pnpm" ]; then
    echo "Fetching pnpm 11 from the npm registry into $_liaison_tools/pnpm" >&2
    npm install --silent -g --prefix "$_liaison_tools/pnpm" pnpm@11 >&2
  fi
  export PATH="$_liaison_tools/pnpm/bin:$PATH"
fi
export ASTRO_TELEMETRY_DISABLED=1
unset _liaison_tools
