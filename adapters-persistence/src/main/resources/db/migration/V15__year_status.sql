-- The year of every region and municipality, kept for reporting (Grafana's PostgreSQL datasource): written by the
-- service from its own statuses, a region at a time in one transaction, whenever the region's revision moves. Nothing
-- here is read back by the service: the counts, plans and territories stay the truth, and every percent below was
-- computed by the domain from the counts beside it (never by SQL).

-- Which revision of each region the rows below were computed at, and when.
create table year_status_region (
    region       varchar(2)  primary key,
    revision     bigint      not null,
    refreshed_at timestamptz not null
);

-- One row per territory (the region itself, or a municipality), indicator and month of a year in which the
-- territory has a plan or quota (its own or its region's) or counts for the indicator.
create table year_status (
    region          varchar(2)    not null,
    municipality    varchar(64)   not null, -- '' for the region's own row
    territory       varchar(67)   not null, -- '24' or '24/emelyanovsky', as the service prints it
    territory_name  varchar(256)  not null,
    indicator       varchar(64)   not null,
    indicator_name  text          not null,
    year            integer       not null,
    month           integer       not null check (month between 1 and 12),
    plan_percent    numeric(5, 2),
    quota           bigint,
    plan_source     varchar(6) check (plan_source in ('own', 'region')),
    numerator       bigint,
    denominator     bigint,
    actual_percent  numeric(5, 2), -- numerator / denominator, half-up to two decimals; empty when inconsistent
    gap_pp          numeric(6, 2),
    state           varchar(16)   not null,
    primary key (region, municipality, indicator, year, month)
);

create index year_status_territory on year_status (territory, year, indicator);

-- One row per territory, indicator and year of year_status: the forecast to December made at the latest month
-- with an actual percent (December when there is none), with the counts of that month.
create table year_forecast (
    region                 varchar(2)    not null,
    municipality           varchar(64)   not null,
    territory              varchar(67)   not null,
    territory_name         varchar(256)  not null,
    indicator              varchar(64)   not null,
    year                   integer       not null,
    forecast_month         integer       not null check (forecast_month between 1 and 12),
    numerator              bigint,
    denominator            bigint,
    actual_percent         numeric(5, 2),
    forecast_percent       numeric(5, 2),
    year_target_percent    numeric(5, 2),
    required_pp_per_month  numeric(5, 2),
    needed                 bigint,
    state                  varchar(16)   not null,
    primary key (region, municipality, indicator, year)
);

-- The read-only role Grafana connects as sees these tables and nothing else. The embedded database creates it
-- before migrating; a configured server's administrator creates it (README) and grants the same if it came later.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'tsos_reader') then
        grant select on year_status_region, year_status, year_forecast to tsos_reader;
    end if;
end $$;
