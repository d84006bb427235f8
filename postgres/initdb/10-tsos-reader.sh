#!/bin/sh
# Run once by the postgres image, when it initialises its volume (docker-compose.yml): the read-only role Grafana
# reads the year's reporting tables as. It may connect and nothing else; the service's migration V15 grants it
# SELECT on those tables when it makes them, at the service's first start. A volume made before this role existed:
# README, "The year's reporting tables", says what to run.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set password="${TSOS_READER_PASSWORD:?set TSOS_READER_PASSWORD}" <<'SQL'
create role tsos_reader login nosuperuser nocreatedb nocreaterole password :'password';
select format('grant connect on database %I to tsos_reader', current_database()) \gexec
SQL
