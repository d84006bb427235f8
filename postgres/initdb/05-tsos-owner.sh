#!/bin/sh
# Run once by the postgres image, when it initialises its volume (docker-compose.yml): the service's own role.
# It owns the database tsos (so its migrations may create tables there) and is no superuser: the superuser
# (POSTGRES_USER) stays with whoever administers the server, as in the embedded database (README, "Trust").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set password="${TSOS_DATABASE_PASSWORD:?set TSOS_DATABASE_PASSWORD}" <<'SQL'
create role tsos login nosuperuser nocreatedb nocreaterole password :'password';
select format('alter database %I owner to tsos', current_database()) \gexec
SQL
