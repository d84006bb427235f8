-- Plans are percents by nature (the ministry sets 48.25 % for March); actual shares are never stored.
create table monthly_plan (
    territory_id bigint        not null references territory (id),
    indicator    varchar(64)   not null references indicator (code),
    year         integer       not null check (year between 2000 and 2100),
    month        integer       not null check (month between 1 and 12),
    percent      numeric(5, 2) not null check (percent between 0 and 100),
    primary key (territory_id, indicator, year, month)
);

create table quota (
    territory_id bigint      not null references territory (id),
    indicator    varchar(64) not null references indicator (code),
    year         integer     not null check (year between 2000 and 2100),
    quota        bigint      not null check (quota >= 0),
    primary key (territory_id, indicator, year)
);
