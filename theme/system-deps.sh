#!/usr/bin/env bash
# Debian packages the project needs at run time: CJK fonts for the PDFs, Chromium for the
# browser tests, poppler for rendering checks. Installed only when missing, and only as root;
# otherwise the missing ones are named so an administrator can install them.
set -euo pipefail
need=()
# Read fc-list once: `fc-list | grep -q` fails under pipefail when grep stops reading early.
fonts=$(fc-list : family 2>/dev/null || true)
grep -q 'Noto Serif CJK' <<<"$fonts" || need+=(fonts-noto-cjk)
grep -q 'LXGW WenKai' <<<"$fonts" || need+=(fonts-lxgw-wenkai)
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)  # the Word-file test opens it in LibreOffice
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "missing Debian packages: ${need[*]} — install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
