#!/usr/bin/env bash
# Make a compressed disk image holding jdbuilder.app and a link to /Applications.
#
#   packaging/macos/make_dmg.sh dist/jdbuilder.app VERSION [OUT_DIR]
#
# Writes OUT_DIR/jdbuilder-VERSION-macos-ARCH.dmg (OUT_DIR defaults to the app's folder).
# When JDBUILDER_CODESIGN_IDENTITY is set, the image is signed with it; when the notarisation
# variables are set as well (see docs/PACKAGING.md), it is notarised and the ticket stapled.
set -euo pipefail

app="${1:?usage: make_dmg.sh path/to/jdbuilder.app VERSION [OUT_DIR]}"
version="${2:?usage: make_dmg.sh path/to/jdbuilder.app VERSION [OUT_DIR]}"
out_dir="${3:-$(dirname "$app")}"
arch="$(uname -m)"
name="jdbuilder"
dmg="$out_dir/$name-$version-macos-$arch.dmg"

[ -d "$app" ] || { echo "make_dmg: $app not found; build it with packaging/build.py" >&2; exit 2; }
command -v hdiutil >/dev/null || { echo "make_dmg: hdiutil is macOS-only" >&2; exit 2; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symbolic links, extended attributes and signatures intact.
ditto "$app" "$staging/$name.app"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
hdiutil create -volname "$name $version" -srcfolder "$staging" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$dmg" >/dev/null
echo "make_dmg: $dmg"

if [ -n "${JDBUILDER_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$JDBUILDER_CODESIGN_IDENTITY" "$dmg"
  echo "make_dmg: signed with $JDBUILDER_CODESIGN_IDENTITY"
  if [ -n "${JDBUILDER_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$JDBUILDER_NOTARY_PROFILE" --wait
  elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
  else
    echo "make_dmg: no notarisation credentials; the image is signed but not notarised"
    exit 0
  fi
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
