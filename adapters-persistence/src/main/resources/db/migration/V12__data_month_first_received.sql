-- When a region-month's data of a metric first arrived, per municipality: a report is on time by its first
-- arrival, not by a correction sent later. Rows from before this column have only their latest arrival.
alter table data_month add column first_received timestamptz;
update data_month set first_received = last_received;
alter table data_month alter column first_received set not null;
