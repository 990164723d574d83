#!/usr/bin/env bash
# Makes the current public API of domain, application and the Javalin plugin the baseline the API
# guard (japicmp, in mvn verify) compares with: run it in the commit that makes an intended
# incompatible change, and say why in the commit message. See docs/embedding.md, "API guard".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -pl domain,application,javalin-plugin -am
mkdir -p api-baseline
for module in domain:tokensmith-domain application:tokensmith-application javalin-plugin:tokensmith-javalin; do
  folder=${module%%:*}
  artifact=${module##*:}
  jar=$(ls "$folder"/target/"$artifact"-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -1)
  cp "$jar" "api-baseline/$artifact.jar"
done
ls -l api-baseline
