ALTER TABLE "lti_scores" ALTER COLUMN "score_given" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lti_login_states" ADD COLUMN "target_link_uri" text;--> statement-breakpoint
ALTER TABLE "lti_scores" ADD COLUMN "activity_progress" text DEFAULT 'Submitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "lti_scores" ADD COLUMN "grading_progress" text DEFAULT 'FullyGraded' NOT NULL;--> statement-breakpoint
ALTER TABLE "lti_scores" ADD COLUMN "sent_progress" text;--> statement-breakpoint
-- Rows from before: an exercise score at full marks was posted as Completed, else Submitted, always FullyGraded; what
-- was acknowledged is recorded the same way, so nothing is sent again only because these columns are new.
UPDATE "lti_scores" SET "activity_progress" = CASE WHEN "score_given" >= "score_maximum" THEN 'Completed' ELSE 'Submitted' END;--> statement-breakpoint
UPDATE "lti_scores" SET "sent_progress" = CASE WHEN "sent_score" >= "score_maximum" THEN 'Completed' ELSE 'Submitted' END || '/FullyGraded' WHERE "sent_score" IS NOT NULL;
