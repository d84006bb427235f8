-- An idempotency key is its sender's own: another sender choosing the same key stores its own batch, and never
-- learns of the first one's. A sender is named as its tokens name it (a re-issued token keeps the name, and its
-- retries stay retries).
alter table report_batch drop constraint report_batch_idempotency_key_key;
alter table report_batch add constraint report_batch_sender_idempotency_key unique (sender, idempotency_key);
