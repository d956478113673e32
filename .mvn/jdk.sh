# Sourced by ./mvnw and ./kflab: finds a JDK >= 25 and prints its home.
# Order: JAVA_HOME when it is >= 25, else the newest JDK >= 25 under /usr/lib/jvm.

kflab_jdk_major() { # $1 = a JDK home; prints its major version or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$v"
}

kflab_find_jdk() {
  local want=25 best="" best_major=0 home major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(kflab_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then printf '%s\n' "$JAVA_HOME"; return 0; fi
  fi
  for home in /usr/lib/jvm/*; do
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    major=$(kflab_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then
      best=$home; best_major=$major
    fi
  done
  if [ -n "$best" ]; then printf '%s\n' "$best"; return 0; fi
  echo "kflab: needs a JDK $want or newer; none in JAVA_HOME or /usr/lib/jvm. Install one (e.g. Temurin $want) and set JAVA_HOME to it." >&2
  return 1
}
