#!/usr/bin/env bash
# Debian packages the project needs, by purpose (the argument):
#   docs  the printed documents: CJK fonts (and poppler for make proof's contact sheets);
#   test  the tests and benchmarks: docs's, plus Chromium for the browser tests and LibreOffice,
#         which opens the Word files and workbooks the tests read back.
# make check, make site and the other targets need none of them. Installed only when missing, and
# only as root; otherwise the missing ones are named so an administrator can install them.
set -euo pipefail
purpose=${1:-test}
case "$purpose" in docs|test) ;; *) echo "usage: $0 docs|test" >&2; exit 2 ;; esac
need=()
# Read fc-list once: `fc-list | grep -q` fails under pipefail when grep stops reading early.
fonts=$(fc-list : family 2>/dev/null || true)
grep -q 'Noto Serif CJK' <<<"$fonts" || need+=(fonts-noto-cjk)
grep -q 'LXGW WenKai' <<<"$fonts" || need+=(fonts-lxgw-wenkai)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)  # the Word-file test opens it in LibreOffice
  # The ledger tests open the exported workbooks in LibreOffice Calc and convert .xls/.ods with it.
  compgen -G '/usr/lib/libreoffice/program/libsclo.so' >/dev/null || need+=(libreoffice-calc-nogui)
fi
# The Fandol faces (FandolFang 仿宋, FandolHei 黑体, FandolKai 楷体, FandolSong 宋体), free faces made
# for Chinese official typesetting, ship only inside texlive-lang-chinese (49 MB, and it pulls in
# TeX Live). Only their .otf files are taken out of the package (about 6 s: download + dpkg-deb),
# into /usr/local/share/fonts/fandol; installing the whole package would work the same way.
fandol=/usr/local/share/fonts/fandol
install_fandol() {
  local work
  work=$(mktemp -d)
  (cd "$work" && apt-get download -qq texlive-lang-chinese 2>/dev/null) || { rm -rf "$work"; return 1; }
  dpkg-deb --fsys-tarfile "$work"/texlive-lang-chinese_*.deb \
    | tar -x -C "$work" --wildcards './usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol[FHKS]*.otf'
  mkdir -p "$fandol"
  cp "$work"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*.otf "$fandol"/
  rm -rf "$work"
  fc-cache -f "$fandol" >/dev/null
}
need_fandol=0
grep -q 'FandolFang' <<<"$fonts" || need_fandol=1
[ ${#need[@]} -eq 0 ] && [ $need_fandol -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing Debian packages: ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  if [ $need_fandol -eq 1 ]; then
    echo "installing the Fandol fonts from texlive-lang-chinese into $fandol"
    install_fandol || { echo "could not download texlive-lang-chinese for the Fandol fonts" >&2; exit 1; }
  fi
else
  [ $need_fandol -eq 1 ] && need+=(texlive-lang-chinese)
  echo "missing Debian packages: ${need[*]} — install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
