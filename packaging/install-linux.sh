#!/bin/sh
# Install this Keta Viz bundle for the current user: the app under ~/.local/opt/keta-viz,
# a `keta-viz` command in ~/.local/bin, the menu entry and its icons. Nothing needs root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications"
if [ "$here" != "$prefix/opt/keta-viz" ]; then
    rm -rf "$prefix/opt/keta-viz.new"
    cp -a "$here" "$prefix/opt/keta-viz.new"
    rm -rf "$prefix/opt/keta-viz"
    mv "$prefix/opt/keta-viz.new" "$prefix/opt/keta-viz"
fi
ln -sf "$prefix/opt/keta-viz/keta-viz" "$prefix/bin/keta-viz"
for size in 16 32 48 64 128 256 512; do
    dir="$prefix/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    cp "$prefix/opt/keta-viz/icons/keta-viz-$size.png" "$dir/keta-viz.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$prefix/opt/keta-viz/icons/keta-viz.svg" "$prefix/share/icons/hicolor/scalable/apps/keta-viz.svg"
sed "s|^Exec=keta-viz|Exec=$prefix/opt/keta-viz/keta-viz|" "$prefix/opt/keta-viz/keta-viz.desktop" \
    > "$prefix/share/applications/keta-viz.desktop"
echo "Keta Viz installed: run keta-viz, or find it in the applications menu."
