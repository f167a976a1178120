-- The sentences stored with an order (why its status changed, what each attempt did) also by their stable code and
-- values (dev.orderly.model.Note, as JSON), so a console can say them in its user's language. The English columns
-- stay as they were: older rows have no note and are shown in English.
ALTER TABLE order_status_history ADD COLUMN note VARCHAR(1000);
ALTER TABLE processing_attempts ADD COLUMN note VARCHAR(1500);
