-- A value's batch is kept by construction rather than checked per value: the only writer (PostgresReportStore)
-- inserts a batch and then its values, with the id that insert returned, in one transaction; and a batch, once
-- stored, is never deleted nor given another id — the triggers below refuse it, so a value cannot outlive its
-- batch. The per-value foreign-key check cost PostgreSQL a third of COPY's own time per value
-- (docs/performance.md: 126,000 values/s by COPY into reported_value's like, 89,000 with the key).
alter table reported_value drop constraint reported_value_batch_id_fkey;

create function refuse_report_batch_change() returns trigger language plpgsql as $$
begin
    raise exception 'report_batch is append-only: a stored batch keeps its id and its values (% refused)', tg_op;
end
$$;

create trigger report_batch_rows_stay before delete or update of id on report_batch
    for each row execute function refuse_report_batch_change();

create trigger report_batch_is_not_truncated before truncate on report_batch
    for each statement execute function refuse_report_batch_change();
