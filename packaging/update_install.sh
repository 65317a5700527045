#!/bin/sh
# /usr/lib/counter-app/update-install, run as root by counter-app-update.service: the frozen
# program's `update-install` command (counter_app/update_handoff.py). From the previous folder
# when a swap was cut short and /opt/counter-app is missing: its first step puts that right.
set -eu
for app in /opt/counter-app/counter-app /opt/counter-app.previous/counter-app; do
    if [ -x "$app" ]; then
        exec "$app" update-install "$@"
    fi
done
echo "counter-app update-install: no program folder under /opt" >&2
exit 1
