#!/usr/bin/env bash
# The compose stack's Kafka TLS material, generated once with the JDK's keytool (one-shot
# service "kafka-certs" of docker-compose.yml, on the JRE image the services use) and
# reused while its volume lives:
#   $TLS_DIR/ca.p12      the CA's key pair (mode 600: only this script uses it)
#   $TLS_DIR/broker.p12  the broker's key and certificate chain, signed by the CA, with
#                        subject alternative names $KAFKA_TLS_HOSTNAMES (PKCS12, protected
#                        by $KAFKA_KEYSTORE_PASSWORD; readable by the broker's user)
#   $CA_DIR/ca.pem       the CA certificate clients trust (ssl.truststore.type=PEM)
# A new host name (KAFKA_TLS_HOSTNAMES) issues a new broker certificate with the same CA;
# deleting the volume starts over with a new CA (clients then need the new ca.pem).
set -euo pipefail

TLS_DIR="${TLS_DIR:-/tls}"
CA_DIR="${CA_DIR:-/ca}"
HOSTNAMES="${KAFKA_TLS_HOSTNAMES:-kafka,localhost,127.0.0.1}"
: "${KAFKA_KEYSTORE_PASSWORD:?set KAFKA_KEYSTORE_PASSWORD (see .env.example)}"
export KAFKA_KEYSTORE_PASSWORD

mkdir -p "$TLS_DIR" "$CA_DIR"
cd "$TLS_DIR"

# the subject alternative names: ip: for addresses, dns: for names
# (each name once, in the order given)
san=""
names=()
IFS=',' read -r -a given <<< "$HOSTNAMES"
for name in "${given[@]}"; do
  [[ -z "$name" || " ${names[*]} " == *" $name "* ]] && continue
  names+=("$name")
  if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then san+="ip:$name,"; else san+="dns:$name,"; fi
done
san="${san%,}"

keytool() {
  command keytool -J-XX:TieredStopAtLevel=1 "$@"
}

if [[ ! -f ca.p12 ]]; then
  echo "kafka-certs: new CA"
  rm -f broker.p12 "$CA_DIR/ca.pem"
  keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=Timesheets Kafka CA" \
    -ext bc:c -ext ku:c=keyCertSign,cRLSign -validity 3650 \
    -keystore ca.p12 -storetype PKCS12 -storepass:env KAFKA_KEYSTORE_PASSWORD
  chmod 600 ca.p12
fi

if [[ ! -f "$CA_DIR/ca.pem" ]]; then
  keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass:env KAFKA_KEYSTORE_PASSWORD \
    -file "$CA_DIR/ca.pem"
  chmod 644 "$CA_DIR/ca.pem"
fi

# the broker certificate: kept while it names every host (in the order given)
if [[ -f broker.p12 ]] && [[ "$(cat broker.san 2>/dev/null)" == "$san" ]]; then
  echo "kafka-certs: reusing the broker certificate for $san"
  exit 0
fi
echo "kafka-certs: new broker certificate for $san"
rm -f broker.p12 broker.csr broker.crt
keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -dname "CN=${names[0]}" -validity 825 \
  -keystore broker.p12 -storetype PKCS12 -storepass:env KAFKA_KEYSTORE_PASSWORD
keytool -certreq -alias broker -keystore broker.p12 -storepass:env KAFKA_KEYSTORE_PASSWORD -file broker.csr
keytool -gencert -alias ca -keystore ca.p12 -storepass:env KAFKA_KEYSTORE_PASSWORD -infile broker.csr \
  -outfile broker.crt -rfc -validity 825 -ext "san=$san" -ext ku:c=digitalSignature,keyAgreement \
  -ext eku=serverAuth
keytool -importcert -noprompt -alias ca -file "$CA_DIR/ca.pem" -keystore broker.p12 \
  -storepass:env KAFKA_KEYSTORE_PASSWORD
keytool -importcert -alias broker -file broker.crt -keystore broker.p12 -storepass:env KAFKA_KEYSTORE_PASSWORD
rm -f broker.csr broker.crt
# the broker runs as a user of its own image: readable, and useless without the password
chmod 644 broker.p12
printf '%s' "$san" > broker.san
