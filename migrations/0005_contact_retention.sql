-- How long a site keeps residents' contact details (email, phone) given in feedback. The
-- daily scheduled run blanks them after this many days; the rest of the submission stays.
ALTER TABLE sites ADD COLUMN contact_retention_days INTEGER NOT NULL DEFAULT 365 CHECK (contact_retention_days BETWEEN 1 AND 3650);
