#!/usr/bin/env bash
# Container images of Coaching Center OS, each Spring module's with an ahead-of-time cache trained for
# that very image. A JDK 25 cache is used only by the JDK build that wrote it and only with the same
# jars at the same relative places, so it is trained on the image's own files: Jib builds the image
# once, its layers are unpacked here, the image's own java runs the training (as the root pom.xml's
# aot-train does for ./coachos), and Jib builds the image again with the cache in /app/aot. The image
# starts with -XX:AOTCache=/app/aot/<module>.aot (root pom.xml, jvmFlags).
#
#   tools/images.sh tar [MODULE...]                  <module>/target/jib-image.tar (docker load -i ...)
#   tools/images.sh docker [MODULE...]               into the local Docker engine (jib:dockerBuild)
#   tools/images.sh push REGISTRY TAG [MODULE...]    REGISTRY/<module>:TAG, that one tag (jib:build)
#   tools/images.sh check [MODULE...]                offline, on this machine: see below
#
# MODULE is a module folder (course-service, platform/db-bootstrap); none: every module that ships as
# an image. Build the jars first (./mvnw -B install -DskipTests). COACHOS_IMAGE_BASE replaces the base
# image (a registry reference, or tar:///path/to/docker-save.tar); the default is the root pom.xml's
# coachos.image.base. Needs tar, gzip and grep; the base image's java must run on this machine (the
# Temurin images' does on any x86-64 Linux with glibc).
#
# check: builds each image on a stand-in base made from this machine's JDK (no registry is reached),
# unpacks it and starts it the way Kubernetes runs it (bubblewrap: the image's user, a read-only root,
# a fresh /tmp, its own process namespace; this machine's /usr and /etc stand in for the base's
# operating system) until its application context is refreshed, once with -XX:AOTMode=on (the cache
# must be usable, or the JVM refuses to start) and once with the cache switched off. Prints one line
# per module: image size, cache size, start-up with and without the cache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SPRING_MODULES=(discovery-server identity-service course-service enrollment-service communication-service
  audit-service assessment-service finance-service marketing-service gateway)
ALL_MODULES=("${SPRING_MODULES[@]}" platform/db-bootstrap)

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
die() { echo "images: $*" >&2; exit 1; }

mode="${1:-}"
[[ -n "$mode" ]] || usage
shift
registry="" tag=""
case "$mode" in
  tar|docker|check) ;;
  push)
    [[ $# -ge 2 ]] || usage
    registry="$1" tag="$2"
    shift 2 ;;
  *) usage ;;
esac
modules=()
for module in "$@"; do
  module="${module#./}"
  module="${module%/}"
  [[ " ${ALL_MODULES[*]} " == *" $module "* ]] || die "no image is built from $module (one of: ${ALL_MODULES[*]})"
  modules+=("$module")
done
[[ ${#modules[@]} -gt 0 ]] || modules=("${ALL_MODULES[@]}")
command -v tar > /dev/null || die "needs tar"

base="${COACHOS_IMAGE_BASE:-}"
if [[ "$mode" == check ]]; then
  command -v bwrap > /dev/null || die "check needs bubblewrap (apt-get install bubblewrap)"
  # The JDK the stand-in base is made from: JAVA_HOME's, else the PATH's java; a JDK 25, as the build's.
  if [[ -n "${JAVA_HOME:-}" ]]; then
    jdk="$JAVA_HOME"
  else
    java_bin="$(command -v java)" || die "check needs a JDK 25 (JAVA_HOME or java on the PATH)"
    jdk="$(cd "$(dirname "$(readlink -f "$java_bin")")/.." && pwd)"
  fi
  jdk_version="$(grep -s '^JAVA_RUNTIME_VERSION=' "$jdk/release" | cut -d'"' -f2)"
  [[ "$jdk_version" == 25* ]] || die "check needs a JDK 25; $jdk is ${jdk_version:-not a JDK}"
  stand_in="$ROOT/target/images/stand-in-base.tar"
  if [[ ! -s "$stand_in" || "$(cat "$stand_in.jdk" 2>/dev/null)" != "$jdk $jdk_version" ]]; then
    echo "images: a stand-in base image from $jdk"
    work="$ROOT/target/images/stand-in"
    rm -rf "$work" && mkdir -p "$work"
    tar -C / -cf "$work/layer.tar" --owner=0 --group=0 --transform "s,^${jdk#/},opt/java/openjdk," "${jdk#/}"
    diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
    printf '%s' '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk"]},"rootfs":{"type":"layers","diff_ids":["sha256:'"$diff_id"'"]}}' > "$work/config.json"
    printf '%s' '[{"Config":"config.json","RepoTags":["coachos/stand-in-base:local"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
    tar -C "$work" -cf "$stand_in" manifest.json config.json layer.tar
    echo "$jdk $jdk_version" > "$stand_in.jdk"
    rm -rf "$work"
  fi
  base="tar://$stand_in"
fi
base_args=()
[[ -n "$base" ]] && base_args=("-Djib.from.image=$base")

# Unpacks the docker-save tar $1 (every layer, in order) into the folder $2.
unpack() {
  local image="$1" into="$2" outer="$2.outer" layer
  rm -rf "$into" "$outer" && mkdir -p "$into" "$outer"
  tar -C "$outer" -xf "$image"
  for layer in $(grep -o '[0-9a-f]\{64\}\.tar\.gz' "$outer/manifest.json"); do
    tar -C "$into" --warning=no-unknown-keyword --no-same-owner -xzf "$outer/$layer"
  done
  cp "$outer/$(grep -o '"Config":"[^"]*"' "$outer/manifest.json" | cut -d'"' -f4)" "$into.config.json"
  rm -rf "$outer"
}

# A value of the image's configuration: the JSON string after "$2": in file $1.
config_string() { grep -o "\"$2\":\"[^\"]*\"" "$1" | head -1 | cut -d'"' -f4; }

# The image's environment variable $2 (from its configuration $1).
config_env() { grep -o "\"$2=[^\"]*\"" "$1" | head -1 | cut -d= -f2- | sed 's/"$//'; }

# Jib for module $1 with goal $2, its cache from folder $3, more arguments after.
jib() {
  local module="$1" goal="$2" aot="$3"
  shift 3
  ./mvnw -B -q -pl "$module" "jib:$goal" "-Dcoachos.image.aot=$aot" "${base_args[@]}" "$@"
}

# Whether the training run of module $1 starts its registry client (the root pom.xml's
# coachos.aot.eureka-client, which only the registry itself sets).
eureka_client() { if grep -q "<coachos.aot.eureka-client>true" "$ROOT/$1/pom.xml"; then echo true; else echo false; fi; }

# Trains the cache of module $1 (a Spring module) on the image Jib builds; leaves it in $2/aot.
train() {
  local module="$1" work="$2" name root java_home main classpath
  name="$(basename "$module")"
  mkdir -p "$work/none" "$work/aot"
  rm -f "$work/aot/$name.aot"
  jib "$module" buildTar "$work/none" "-Djib.outputPaths.tar=$work/plain.tar"
  root="$work/plain"
  unpack "$work/plain.tar" "$root"
  java_home="$(config_env "$root.config.json" JAVA_HOME)"
  [[ -x "$root$java_home/bin/java" ]] || die "$module: the base image has no java at \$JAVA_HOME/bin/java (JAVA_HOME=$java_home)"
  main="$(tr -d '\n' < "$root/app/jib-main-class-file")"
  # The image's class path, at the place it is unpacked to (a cache allows the same files elsewhere).
  classpath="$(tr -d '\n' < "$root/app/jib-classpath-file" | sed "s#/app/#$root/app/#g")"
  if ! (cd "$work" && "$root$java_home/bin/java" "@$ROOT/jvm/aot.options" -Xmx256m -Xlog:aot=error \
      "-XX:AOTCacheOutput=$work/aot/$name.aot" "@$ROOT/jvm/aot-training.options" "-Deureka.client.enabled=$(eureka_client "$module")" \
      -cp "$classpath" "$main" > "$work/training.log" 2>&1) || [[ ! -s "$work/aot/$name.aot" ]]; then
    tail -20 "$work/training.log" >&2
    die "$module: training its image's cache failed (log: $work/training.log)"
  fi
  rm -rf "$root" "$root.config.json" "$work/plain.tar"
}

# Runs the unpacked image $1 (configuration in $1.config.json) of $module as Kubernetes would, until
# its context is refreshed, with the cache mode $2 (on or off); prints the seconds it took, wall
# clock and CPU (user + system, measured inside by GNU time, which this machine's /usr provides).
run_image() {
  local image="$1" aot_mode="$2" config="$1.config.json" log="$1.$2.log" user entrypoint options started ended
  entrypoint="$(grep -o '"Entrypoint":\[[^]]*\]' "$config" | sed 's/^"Entrypoint":\[//; s/\]$//; s/","/\n/g; s/"//g')"
  user="$(config_string "$config" User)"
  # The training run's settings (no database, broker or registry needed), and the cache mode.
  options="$(grep -v '^#' "$ROOT/jvm/aot-training.options" | tr '\n' ' ') -Deureka.client.enabled=$(eureka_client "$module") -XX:AOTMode=$aot_mode"
  started="$(date +%s%N)"
  # shellcheck disable=SC2086
  if ! env -i PATH="$(config_env "$config" PATH)" JAVA_HOME="$(config_env "$config" JAVA_HOME)" \
      JAVA_TOOL_OPTIONS="$(config_env "$config" JAVA_TOOL_OPTIONS)" JDK_JAVA_OPTIONS="$options" \
      bwrap --ro-bind "$image" / --ro-bind /usr /usr --ro-bind /etc /etc \
        --proc /proc --dev /dev --tmpfs /tmp --unshare-user --unshare-pid --unshare-ipc \
        --uid "${user%%:*}" --gid "${user##*:}" --die-with-parent --chdir / \
        -- /usr/bin/time -f 'cpu %U %S' $entrypoint > "$log" 2>&1; then
    tail -20 "$log" >&2
    die "$module: the image did not start with -XX:AOTMode=$aot_mode (log: $log)"
  fi
  ended="$(date +%s%N)"
  awk -v wall="$(( (ended - started) / 1000000 ))" '/^cpu / { cpu = $2 + $3 } END { printf "%.1f %.1f", wall / 1000, cpu }' "$log"
}

if [[ "$mode" == check ]]; then
  [[ -x /usr/bin/time ]] || die "check needs GNU time (apt-get install time)"
  printf '%-22s %9s %9s %23s %23s\n' "" "image" "cache" "with the cache" "without"
  printf '%-22s %9s %9s %11s %11s %11s %11s\n' module MiB MiB "wall s" "CPU s" "wall s" "CPU s"
fi
for module in "${modules[@]}"; do
  name="$(basename "$module")"
  work="$ROOT/$module/target/image"
  mkdir -p "$work/aot"
  spring=false
  for candidate in "${SPRING_MODULES[@]}"; do [[ "$candidate" == "$module" ]] && spring=true; done
  if $spring; then
    train "$module" "$work"
  fi
  case "$mode" in
    tar) jib "$module" buildTar "$work/aot" "-Djib.outputPaths.tar=$ROOT/$module/target/jib-image.tar" ;;
    # Beside, not in place of, a real image tar: a stand-in image has no operating system of its own.
    check) jib "$module" buildTar "$work/aot" "-Djib.outputPaths.tar=$work/check.tar" ;;
    docker) jib "$module" dockerBuild "$work/aot" ;;
    push) jib "$module" build "$work/aot" "-Djib.to.image=$registry/$name:$tag" "-Djib.to.tags=$tag" ;;
  esac
  if [[ "$mode" == check && $spring == true ]]; then
    unpack "$work/check.tar" "$work/final"
    [[ -s "$work/final/app/aot/$name.aot" ]] || die "$module: the image has no /app/aot/$name.aot"
    # Mount points and the operating system's usual links, which a real base image has.
    mkdir -p "$work/final/usr" "$work/final/etc" "$work/final/proc" "$work/final/dev" "$work/final/tmp"
    for link in lib lib64 bin sbin; do ln -sfn "usr/$link" "$work/final/$link"; done
    with="$(run_image "$work/final" on)"
    without="$(run_image "$work/final" off)"
    # shellcheck disable=SC2086
    printf '%-22s %9d %9d %11s %11s %11s %11s\n' "$name" $(( $(stat -c %s "$work/check.tar") / 1048576 )) \
      $(( $(stat -c %s "$work/final/app/aot/$name.aot") / 1048576 )) $with $without
    rm -rf "$work/final" "$work/final.config.json" "$work/final.on.log" "$work/final.off.log" "$work/check.tar"
  elif [[ "$mode" != check ]]; then
    echo "images: $module done"
  fi
done
