#!/usr/bin/env bash
# Times argon2id verification alone at Latchkey's default cost, with the argon2-jvm and JNA the server bundles.
# Usage: bench/argon2.sh [rounds (default 60)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LIB=api-module/target/latchkey/WEB-INF/lib
if ! compgen -G "$LIB/argon2-jvm-*.jar" >/dev/null; then
  ./latchkey mvn -q package -Dmaven.test.skip=true -pl api-module -am
fi
JAVA_HOME=$(./latchkey java-home)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$LIB/*" bench/Argon2Verify.java "$@"
