#!/bin/bash
# usage: shoot2.sh DISPLAYNUM WxH OUT.png "xdotool commands;..." -- keta-viz args...
d=$1; size=$2; out=$3; cmds=$4; shift 5
Xvfb :$d -screen 0 ${size}x24 >/dev/null 2>&1 & xv=$!
sleep 1
DISPLAY=:$d openbox >/dev/null 2>&1 & ob=$!
sleep 0.5
DISPLAY=:$d QT_QPA_PLATFORM=xcb /work/wt-help/.venv/bin/keta-viz "$@" >/tmp/shoot_$d.log 2>&1 & app=$!
sleep 5
IFS=';' read -ra parts <<< "$cmds"
for c in "${parts[@]}"; do DISPLAY=:$d xdotool $c; sleep 0.6; done
sleep 1.5
DISPLAY=:$d import -window root $out
kill $app $ob $xv 2>/dev/null; wait 2>/dev/null
