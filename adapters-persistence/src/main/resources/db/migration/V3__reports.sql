-- Every batch, and every value ever reported: a correction is a later row for the same territory, period and
-- metric; the earlier row stays, so the history can be read back.
create table report_batch (
    id                bigserial primary key,
    idempotency_key   varchar(128) not null unique,
    fingerprint       char(64)     not null,
    sender            varchar(128) not null,
    received_at       timestamptz  not null default now(),
    report_count      integer      not null,
    values_stored     integer      not null,
    values_superseded integer      not null
);

create table reported_value (
    id           bigserial primary key,
    batch_id     bigint      not null references report_batch (id),
    territory_id bigint      not null references territory (id),
    period       varchar(32) not null,
    period_start date        not null,
    period_end   date        not null check (period_end >= period_start),
    plan_month   date        not null,
    metric       varchar(64) not null references metric (name),
    value        bigint      not null check (value >= 0),
    received_at  timestamptz not null
);

-- The status of a month: latest value per territory and metric among the periods ending in it.
create index reported_value_month on reported_value (plan_month, territory_id, metric, period_end desc, id desc);
-- Corrections and history: the values of one territory, metric and period.
create index reported_value_key on reported_value (territory_id, metric, period);
create index reported_value_batch on reported_value (batch_id);
