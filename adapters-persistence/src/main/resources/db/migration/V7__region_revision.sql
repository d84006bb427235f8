-- One row per region, advanced in the transaction of every change to the region's counts, plans or territories:
-- the service keeps a region's month in memory while its revision is unchanged (docs/performance.md), and the
-- revision is read from here so that a change made through any replica is seen by all of them.
create table region_revision (
    region   varchar(2) primary key,
    revision bigint     not null default 0
);

insert into region_revision (region)
select region from territory where municipality = '' and school = '';
