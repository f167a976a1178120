-- The sentences stored with an order (why its status changed, what each attempt did) and with a staff action (what it
-- acted on, how) also by their stable code and values (dev.orderly.model.Note, as JSON), so a console can say them in
-- its user's language. The English columns stay as they were: older rows have no note and are shown in English.
ALTER TABLE order_status_history ADD COLUMN note VARCHAR(1000);
ALTER TABLE processing_attempts ADD COLUMN note VARCHAR(1500);
ALTER TABLE audit_log ADD COLUMN notes VARCHAR(3000);
