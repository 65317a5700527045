#!/bin/sh
# /usr/bin/counter-app: the frozen build in /opt/counter-app, with the machine-wide branch
# profile when there is one and no --profile on the command line.
here=$(dirname "$(readlink -f "$0")")
app="$here/../../opt/counter-app/counter-app"
profile="$here/../../etc/counter-app/profile.toml"
case " $* " in
    *" --profile "*|*" --profile="*) exec "$app" "$@" ;;
esac
if [ -f "$profile" ] && [ -z "${COUNTER_APP_HOME:-}" ]; then
    exec "$app" --profile "$(readlink -f "$profile")" "$@"
fi
exec "$app" "$@"
