-- The fact table at national scale (docs/performance.md): 40,000 schools report 8 counts a week, 16 million values
-- a year.

-- A value's region, kept with it: a region's month is then one range of an index, not a scan of every value joined
-- to its territory. Territories never move between regions, so the copy cannot go stale.
alter table reported_value add column region varchar(2);
update reported_value v set region = t.region from territory t where t.id = v.territory_id;
alter table reported_value alter column region set not null;
drop index reported_value_month;
create index reported_value_region_month
    on reported_value (region, plan_month, territory_id, metric, period_end desc, id desc);

-- Values are checked against the territory directory and the catalogue before they are stored, in the same
-- transaction as their batch; the per-row foreign-key checks cost PostgreSQL more than the rest of storing a value
-- (COPY: about 110,000 values/s without them, 37,000 with). The batch key stays: a value never outlives its batch.
alter table reported_value drop constraint reported_value_territory_id_fkey;
alter table reported_value drop constraint reported_value_metric_fkey;

-- Which months have data, per region, municipality ('' for the region's own reports) and metric, with the latest
-- period end and arrival: kept by every stored batch, so the read model never walks a region's history.
create table data_month (
    region            varchar(2)  not null,
    municipality      varchar(64) not null,
    metric            varchar(64) not null,
    plan_month        date        not null,
    latest_period_end date        not null,
    last_received     timestamptz not null,
    primary key (region, municipality, metric, plan_month)
);

insert into data_month (region, municipality, metric, plan_month, latest_period_end, last_received)
select t.region, t.municipality, v.metric, v.plan_month, max(v.period_end), max(v.received_at)
from reported_value v join territory t on t.id = v.territory_id
group by t.region, t.municipality, v.metric, v.plan_month;
