-- Tahap's own database, on the PostgreSQL that also holds Temporal's `temporal` and `temporal_visibility`.
-- The postgres image runs this once, as its superuser, when it initialises an empty data directory. It does not run
-- again on an existing volume: changing TAHAP_DB_PASSWORD later needs an ALTER ROLE by hand.
-- The password comes from the container's TAHAP_DB_PASSWORD, the same value docker-compose.yml puts into the apps'
-- DATABASE_URL. `\getenv` needs psql 15 or newer; the postgres:16 image has it.
\getenv tahap_password TAHAP_DB_PASSWORD
\if :{?tahap_password}
\else
  \set tahap_password tahap
\endif

-- A plain login role: Tahap needs no superuser or CREATEDB right, only ownership of its database.
CREATE ROLE tahap LOGIN PASSWORD :'tahap_password';
-- Owning the database makes tahap the owner of its public schema (pg_database_owner, PostgreSQL 15 and later), so
-- its migrations create tables there without further grants.
CREATE DATABASE tahap OWNER tahap;
