#!/usr/bin/env bash
# The compose stack's Kafka ACLs, created idempotently at every start by the one-shot
# service "kafka-acls" (apache/kafka image, its kafka-acls.sh) as the broker's super user
# $KAFKA_ADMIN_CLIENT_ID, which logs in with OAuth client credentials over the TLS
# listener like every other client. Deny by default: a principal can do only what is
# granted here. Principals are the auth server's client ids (the token's sub).
#
#   ingest     writes timesheet-events in transactions (ids ingest-*), reads and writes
#              its Idempotency-Keys topic timesheet-idempotency-keys
#   processor  reads timesheet-events in group timesheet-processor, writes
#              timesheet-state and timesheet-events.DLT
#   analyst    reads timesheet-events and timesheet-state in groups analytics-*; nothing else
#   each service may create the topics it declares (by literal name), nobody any other
#
# The same grants as launcher's TimesheetsAcls (local-stack, system-tests, bench), written
# for the shell because the compose stack has no launcher; ComposeKafkaTests compares the
# two. Adding an ACL that exists changes nothing.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9094}"
TOKEN_URI="${KAFKA_TOKEN_URI:?set KAFKA_TOKEN_URI}"
: "${KAFKA_ADMIN_CLIENT_ID:?set KAFKA_ADMIN_CLIENT_ID}"
: "${KAFKA_ADMIN_CLIENT_SECRET:?set KAFKA_ADMIN_CLIENT_SECRET (see .env.example)}"
INGEST="User:${KAFKA_INGEST_CLIENT_ID:-kafka-ingest-api}"
PROCESSOR="User:${KAFKA_PROCESSOR_CLIENT_ID:-kafka-processor}"
ANALYST="User:${KAFKA_ANALYST_CLIENT_ID:-kafka-analyst}"
BIN=/opt/kafka/bin

# Kafka 4 calls no URL that is not allowed explicitly
export KAFKA_OPTS="-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=$TOKEN_URI"
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
chmod 600 "$config"
cat > "$config" <<PROPERTIES
security.protocol=SASL_SSL
ssl.truststore.type=PEM
ssl.truststore.location=${KAFKA_CA_FILE:-/etc/kafka-ca/ca.pem}
sasl.mechanism=OAUTHBEARER
sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler
sasl.oauthbearer.token.endpoint.url=$TOKEN_URI
sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="$KAFKA_ADMIN_CLIENT_ID" clientSecret="$KAFKA_ADMIN_CLIENT_SECRET" ;
PROPERTIES

allow() {
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add "$@" > /dev/null
}

allow --allow-principal "$INGEST" --operation Write --operation Create --topic timesheet-events
allow --allow-principal "$INGEST" --operation Read --operation Write --operation Create --topic timesheet-idempotency-keys
allow --allow-principal "$INGEST" --operation Write --transactional-id ingest- --resource-pattern-type prefixed

allow --allow-principal "$PROCESSOR" --operation Read --operation Create --topic timesheet-events
allow --allow-principal "$PROCESSOR" --operation Write --operation Create --topic timesheet-state
allow --allow-principal "$PROCESSOR" --operation Write --operation Create --topic timesheet-events.DLT
allow --allow-principal "$PROCESSOR" --operation Read --group "${KAFKA_PROCESSOR_GROUP:-timesheet-processor}"

allow --allow-principal "$ANALYST" --operation Read --topic timesheet-events
allow --allow-principal "$ANALYST" --operation Read --topic timesheet-state
allow --allow-principal "$ANALYST" --operation Read --group analytics- --resource-pattern-type prefixed

echo "kafka-acls: ACLs in place:"
"$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --list
