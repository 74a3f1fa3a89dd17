# Sourced by ./farthing and ./mvnw: points JAVA_HOME at a Java 25+ JDK.
# Order: an existing JAVA_HOME that is new enough, then the system's JVM directory.
farthing_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
farthing_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(farthing_java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -x "$candidate/bin/javac" ] && [ "$(farthing_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Farthing needs a Java 25 JDK and found none (looked at JAVA_HOME and /usr/lib/jvm)." >&2
  echo "Install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium repository) or from https://adoptium.net," >&2
  echo "then set JAVA_HOME to it." >&2
  return 1
}
# mvnw runs under `set -f`; globbing must be on while we look.
case $- in *f*) set +f; farthing_find_jdk || exit 1; set -f ;; *) farthing_find_jdk || exit 1 ;; esac
