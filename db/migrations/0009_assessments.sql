CREATE TYPE "public"."assessment_type" AS ENUM('homework', 'exam');--> statement-breakpoint
CREATE TABLE "assessment_draws" (
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"exercise_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_draws_slot_id_user_id_pk" PRIMARY KEY("slot_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text
);
--> statement-breakpoint
CREATE TABLE "assessment_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid,
	"section" text,
	"due_at" timestamp with time zone,
	"extra_minutes" integer,
	"time_factor" real,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_overrides_one_target" CHECK (("assessment_overrides"."user_id" is null) <> ("assessment_overrides"."section" is null)),
	CONSTRAINT "assessment_overrides_extra_minutes" CHECK ("assessment_overrides"."extra_minutes" is null or "assessment_overrides"."extra_minutes" >= 0),
	CONSTRAINT "assessment_overrides_time_factor" CHECK ("assessment_overrides"."time_factor" is null or "assessment_overrides"."time_factor" >= 1)
);
--> statement-breakpoint
CREATE TABLE "assessment_slot_exercises" (
	"slot_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_slot_exercises_slot_id_exercise_id_pk" PRIMARY KEY("slot_id","exercise_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"choose" integer DEFAULT 1 NOT NULL,
	"points" real,
	"points_per_attempt" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_slots_choose_positive" CHECK ("assessment_slots"."choose" >= 1)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"type" "assessment_type" DEFAULT 'homework' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"release_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"late_deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"after_last_deadline" text DEFAULT 'view-only' NOT NULL,
	"time_limit_minutes" integer,
	"password_hash" text,
	"honor_code" boolean DEFAULT false NOT NULL,
	"scores_released_at" timestamp with time zone,
	"published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_time_limit_positive" CHECK ("assessments"."time_limit_minutes" is null or "assessments"."time_limit_minutes" > 0),
	CONSTRAINT "assessments_after_last_deadline" CHECK ("assessments"."after_last_deadline" in ('view-only', 'zero'))
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "credit" real;--> statement-breakpoint
ALTER TABLE "assessment_draws" ADD CONSTRAINT "assessment_draws_slot_id_assessment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."assessment_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_draws" ADD CONSTRAINT "assessment_draws_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_instances" ADD CONSTRAINT "assessment_instances_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_instances" ADD CONSTRAINT "assessment_instances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_slot_exercises" ADD CONSTRAINT "assessment_slot_exercises_slot_id_assessment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."assessment_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_slot_exercises" ADD CONSTRAINT "assessment_slot_exercises_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_slot_exercises" ADD CONSTRAINT "assessment_slot_exercises_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_slots" ADD CONSTRAINT "assessment_slots_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_instances_assessment_user_unique" ON "assessment_instances" USING btree ("assessment_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_overrides_user_unique" ON "assessment_overrides" USING btree ("assessment_id","user_id") WHERE "assessment_overrides"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_overrides_section_unique" ON "assessment_overrides" USING btree ("assessment_id","section") WHERE "assessment_overrides"."section" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_slot_exercises_course_exercise_unique" ON "assessment_slot_exercises" USING btree ("course_id","exercise_id");--> statement-breakpoint
CREATE INDEX "assessment_slots_assessment_idx" ON "assessment_slots" USING btree ("assessment_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_course_slug_unique" ON "assessments" USING btree ("course_id","slug");--> statement-breakpoint
CREATE INDEX "assessments_course_position_idx" ON "assessments" USING btree ("course_id","position");--> statement-breakpoint
-- Existing courses: one homework per topic of the notes (per topic and due date where a topic's exercises had several,
-- so that every exercise keeps its due date), one slot per exercise in course order. Submissions and grades are
-- untouched (a homework without late deadlines follows the course's late policy, as the exercises did).
WITH "groups" AS (
	SELECT ce."course_id", e."topic", ce."due_at", min(ce."position") AS "first_position", min(e."position") AS "first_exercise"
	FROM "course_exercises" ce JOIN "exercises" e ON e."id" = ce."exercise_id"
	GROUP BY ce."course_id", e."topic", ce."due_at"
), "numbered" AS (
	SELECT g.*,
		row_number() OVER (PARTITION BY g."course_id", g."topic" ORDER BY g."due_at" NULLS LAST) AS "n",
		count(*) OVER (PARTITION BY g."course_id", g."topic") AS "of_topic",
		row_number() OVER (PARTITION BY g."course_id" ORDER BY g."first_position", g."first_exercise", g."topic", g."due_at" NULLS LAST) AS "pos"
	FROM "groups" g
)
INSERT INTO "assessments" ("course_id", "slug", "title", "type", "position", "due_at")
SELECT "course_id",
	CASE WHEN "of_topic" = 1 THEN "topic" ELSE "topic" || '-' || "n" END,
	(CASE "topic"
		WHEN 'forward-pass' THEN 'The forward pass'
		WHEN 'activations' THEN 'Activation functions'
		WHEN 'losses' THEN 'Loss functions'
		WHEN 'backprop' THEN 'Backpropagation'
		WHEN 'gradient-descent' THEN 'Gradient descent'
		WHEN 'initialisation' THEN 'Parameter initialisation'
		WHEN 'regularisation' THEN 'Regularisation'
		WHEN 'challenges' THEN 'Challenges'
		ELSE initcap(replace("topic", '-', ' ')) END)
		|| CASE WHEN "of_topic" = 1 THEN '' ELSE ' (' || "n" || ')' END,
	'homework', "pos" - 1, "due_at"
FROM "numbered";
--> statement-breakpoint
WITH "src" AS (
	SELECT gen_random_uuid() AS "slot_id", a."id" AS "assessment_id", ce."course_id", ce."exercise_id",
		row_number() OVER (PARTITION BY a."id" ORDER BY ce."position", e."position", e."slug") - 1 AS "pos"
	FROM "course_exercises" ce
	JOIN "exercises" e ON e."id" = ce."exercise_id"
	JOIN "assessments" a ON a."course_id" = ce."course_id" AND a."due_at" IS NOT DISTINCT FROM ce."due_at"
		AND (a."slug" = e."topic" OR a."slug" ~ ('^' || e."topic" || '-[0-9]+$'))
), "slots" AS (
	INSERT INTO "assessment_slots" ("id", "assessment_id", "position") SELECT "slot_id", "assessment_id", "pos" FROM "src"
)
INSERT INTO "assessment_slot_exercises" ("slot_id", "course_id", "exercise_id", "position")
SELECT "slot_id", "course_id", "exercise_id", 0 FROM "src";
