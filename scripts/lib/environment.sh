# Shared by scripts/serve and scripts/test: make the project's environment from its own files.
# Sourced, not run. Everything is installed from pyproject.toml and package-lock.json.

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$PROJECT_ROOT/.venv"

say() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

# ensure_icu: ICU's headers, pkg-config and a C++ compiler, which PyICU (Polish alphabetical
# order) is built with when .venv is made; installed with apt-get like Chromium.
ensure_icu() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists icu-i18n &&
    command -v c++ >/dev/null 2>&1; then
    return 0
  fi
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    say "Installing ICU's headers with apt-get (PyICU is built against them)"
    if apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; then
      return 0
    fi
  fi
  die "PyICU needs ICU's headers, pkg-config and a C++ compiler. Install them (Debian/Ubuntu: sudo apt-get install libicu-dev pkg-config g++; macOS: brew install icu4c pkg-config), then run this again."
}

# ensure_python_env [EXTRA]: create .venv and install the project (with an extra such as dev).
ensure_python_env() {
  local extra="${1:-}" spec="." stamp
  ensure_icu
  [[ -n $extra ]] && spec=".[$extra]"
  if [[ ! -x $VENV/bin/python ]]; then
    local python
    python="$(find_python)" || die "Python 3.11 or newer is needed (install python3 and python3-venv)."
    say "Creating the Python environment in .venv"
    "$python" -m venv "$VENV" || die "Could not create .venv (on Debian/Ubuntu: apt-get install python3-venv)."
  fi
  stamp="$VENV/.installed-$(sha256sum "$PROJECT_ROOT/pyproject.toml" | cut -c1-16)-${extra:-base}"
  if [[ ! -f $stamp ]]; then
    say "Installing the project and its dependencies${extra:+ (with $extra tools)}"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$PROJECT_ROOT/$spec"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

# ensure_node_modules: the pinned browser-side packages (lunr, axe-core, pagefind), eslint and
# esbuild (bundles the search script; its platform binary is an optional dependency, which
# --ignore-scripts still installs) from the lockfile.
ensure_node_modules() {
  command -v npm >/dev/null 2>&1 || die "npm is needed for the browser-side packages and eslint (install Node.js 20.19 or newer)."
  local stamp="$PROJECT_ROOT/node_modules/.installed-$(sha256sum "$PROJECT_ROOT/package-lock.json" | cut -c1-16)"
  if [[ ! -f $stamp ]]; then
    say "Installing browser-side packages from package-lock.json"
    # `npm install` rather than `npm ci`: a registry mirror that carries only this platform's
    # build of pagefind (an optional dependency) makes `npm ci` refuse the lockfile.
    (cd "$PROJECT_ROOT" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error) ||
      die "npm install failed."
    touch "$stamp"
  fi
}

# ensure_chromium: export CHROMIUM_PATH for Playwright. The system Chromium is used where
# Playwright cannot download its own; it is installed with apt-get when that is possible.
ensure_chromium() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" chromium chromium-browser google-chrome; do
    if [[ -n $candidate ]] && command -v "$candidate" >/dev/null 2>&1; then
      CHROMIUM_PATH="$(command -v "$candidate")"
      export CHROMIUM_PATH
      return 0
    fi
  done
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    say "Installing Chromium with apt-get (the browser tests drive it through Playwright)"
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
      CHROMIUM_PATH="$(command -v chromium)"
      export CHROMIUM_PATH
      return 0
    fi
  fi
  say "Trying Playwright's own Chromium download"
  if timeout 600 "$VENV/bin/python" -m playwright install chromium >/dev/null 2>&1; then
    unset CHROMIUM_PATH
    return 0
  fi
  die "No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary, then run this again."
}

# apt_install WHY PACKAGE...: Debian packages with apt-get, when this machine allows it (root).
apt_install() {
  local why="$1"
  shift
  command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] || return 1
  say "Installing $* with apt-get ($why)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ensure_rsync: the rsync deployer is tested with the real rsync (Debian package rsync).
ensure_rsync() {
  command -v rsync >/dev/null 2>&1 && return 0
  apt_install "the deploy tests run the real rsync" rsync && return 0
  die "rsync is needed for the deploy tests. Install it (Debian/Ubuntu: sudo apt-get install rsync), then run this again."
}

# ensure_hunspell: the spell checker and its Polish dictionary (Debian hunspell-pl) for the
# spelling test; installed with apt-get like Chromium.
ensure_hunspell() {
  if command -v hunspell >/dev/null 2>&1 && echo test | hunspell -d pl_PL -l >/dev/null 2>&1; then
    return 0
  fi
  apt_install "the spelling test uses it" hunspell hunspell-pl && return 0
  die "Hunspell with the Polish dictionary is needed for the spelling test. Install it (Debian/Ubuntu: sudo apt-get install hunspell hunspell-pl), then run this again."
}

# ensure_postgresql: the PostgreSQL server the form backend's tests start (as the unprivileged
# postgres account, on loopback, in a temporary folder); Debian's postgresql, with apt-get.
ensure_postgresql() {
  if command -v pg_ctl >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
    return 0
  fi
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    say "Installing PostgreSQL with apt-get (the form backend's tests run its outbox on it)"
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; then
      return 0
    fi
  fi
  die "PostgreSQL is needed for the form backend's tests. Install it (Debian/Ubuntu: sudo apt-get install postgresql), then run this again."
}
