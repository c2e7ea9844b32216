#!/usr/bin/env bash
# Installs the Debian packages Cache Workbench needs, and only those that are missing.
# Idempotent; works as root without sudo, and through sudo otherwise.
set -euo pipefail

PACKAGES=(
    cmake g++ pkg-config ccache
    clang libclang-rt-14-dev  # sanitizer stages (twice as fast to compile as g++) and libFuzzer
    lld  # scripts/test.sh links its ~170 test programs with it: a tenth of the default linker's time
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6svg6
    libqcustomplot-dev libqcustomplot2.1-qt6
    qtkeychain-qt6-dev  # OS keychain for remembered passwords (QtCore + QtDBus only)
    dbus-daemon  # tst_keychain runs a private D-Bus session bus (~0.4 MB)
    libhiredis-dev nlohmann-json3-dev libcurl4-openssl-dev libzstd-dev zlib1g-dev
    libssl-dev  # TLS (rediss://): hiredis 0.14 has none, so the engine's transport uses OpenSSL
    redis-server redis-tools
    xvfb xauth
    xdotool imagemagick  # scripts/screenshots.sh drives the GUI and captures the X screen
    poppler-utils  # pdftoppm: tst_widget_pdfreport reads the PDF report back as a reader would
    iproute2  # ip: tst_distribnetns puts agents in network namespaces of their own (when root)
    prometheus  # promtool: tst_exports validates the Prometheus export (~96 MB installed)
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "install-deps: missing packages (${missing[*]}) and not root, and no sudo to install them" >&2
        exit 1
    fi
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
