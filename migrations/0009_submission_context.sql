-- What a submission is about when it was sent from another widget: a decision's case id and
-- title, a video. JSON {"caseId"?, "subject"?, "decision"?, "video"?}; NULL for plain feedback.
ALTER TABLE submissions ADD COLUMN context TEXT;
