-- The removal key a resident gets once when sending feedback, kept only as its SHA-256 (hex):
-- removing the contact details needs the key, not just the reference code printed on the receipt.
-- NULL for submissions sent before this migration and through Open311: their contact details go
-- by the retention run, or an official removes them on request.
ALTER TABLE submissions ADD COLUMN removal_key_hash TEXT;
