-- No query finds values by their batch any more: the superseded count and data_month are kept from the batch in
-- memory, and the batch's foreign key is gone (V8). The index cost every stored value one more index entry.
drop index reported_value_batch;
