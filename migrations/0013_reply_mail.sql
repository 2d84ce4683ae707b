-- Replies by email (worker/email/). The language a submission was sent in, so the reply email
-- speaks it (NULL for earlier submissions and Open311: the site's default language then).
ALTER TABLE submissions ADD COLUMN lang TEXT CHECK (lang IS NULL OR lang IN ('fi', 'sv', 'en'));

-- How mailing a public reply went: NULL when it was not mailed (a private reply, or no address
-- given), 'pending' from storing the reply until the send returns, then 'sent' or 'failed'.
-- mail_detail holds the message ids when sent and the reason when failed; never an address.
ALTER TABLE submission_replies ADD COLUMN mail_status TEXT CHECK (mail_status IS NULL OR mail_status IN ('pending', 'sent', 'failed'));
ALTER TABLE submission_replies ADD COLUMN mail_detail TEXT;
