-- Sender tokens, kept only as SHA-256 hashes; a revoked token stays, for the audit trail of its batches.
create table sender_token (
    id         bigserial primary key,
    sender     varchar(128) not null,
    token_hash char(64)     not null unique,
    regions    varchar(2)[] not null default '{}',
    admin      boolean      not null default false,
    created_at timestamptz  not null default now(),
    revoked_at timestamptz,
    check (admin or cardinality(regions) > 0)
);
