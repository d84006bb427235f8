#!/usr/bin/env bash
# Generates the Python stubs of monitor.proto (and of the google.rpc error details)
# into a temporary directory, and runs client.py with them: run.sh HOST:PORT TOKEN.
# Needs protoc >= 3.15 (monitor.proto uses explicit `optional`), grpc_python_plugin and grpcio: on Debian 12,
# apt-get install protobuf-compiler protobuf-compiler-grpc python3-grpcio python3-protobuf. The google/*.proto
# files come from the Maven build (`./mvnw -pl proto package` unpacks them into proto/target).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
archives="$root/proto/target/protobuf-maven-plugin/generate/default/archives"
google_protobuf=$(ls -d "$archives"/protobuf-java-* | head -1)
google_rpc=$(ls -d "$archives"/proto-google-common-protos-* | head -1)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
protoc -I "$root/proto/src/main/protobuf" -I "$google_protobuf" -I "$google_rpc" \
  --python_out="$out" --grpc_out="$out" --plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin \
  tsos/monitor/v1/monitor.proto google/rpc/status.proto google/rpc/error_details.proto
PYTHONPATH="$out" /usr/bin/python3 "$here/client.py" "$@"
