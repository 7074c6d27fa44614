CREATE TYPE "public"."exercise_source" AS ENUM('catalogue', 'site');--> statement-breakpoint
CREATE TYPE "public"."regrade_status" AS ENUM('grading', 'ready', 'applied', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."visibility_timing" AS ENUM('immediately', 'after-due', 'never');--> statement-breakpoint
CREATE TABLE "authoring_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"files" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"validated_hash" text,
	"validation" jsonb,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regrade_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regrade_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"status" "submission_status" DEFAULT 'queued' NOT NULL,
	"old_score" real,
	"old_passed" boolean,
	"old_result" jsonb,
	"new_score" real,
	"new_passed" boolean,
	"new_result" jsonb,
	"failure_message" text,
	"child_deaths" integer DEFAULT 0 NOT NULL,
	"applied_score" real,
	"graded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regrades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"scope" jsonb NOT NULL,
	"status" "regrade_status" DEFAULT 'grading' NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone,
	"never_lower" boolean
);
--> statement-breakpoint
CREATE TABLE "grade_cells" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"best_score" real,
	"attempts" integer DEFAULT 0 NOT NULL,
	"solved" boolean DEFAULT false NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"first_solved_at" timestamp with time zone,
	CONSTRAINT "grade_cells_course_id_user_id_exercise_id_pk" PRIMARY KEY("course_id","user_id","exercise_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "current_course_id" uuid;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "test_student" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "source" "exercise_source" DEFAULT 'catalogue' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercise_versions" ADD COLUMN "files" jsonb;--> statement-breakpoint
ALTER TABLE "exercise_versions" ADD COLUMN "number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "exercise_versions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "course_exercises" ADD COLUMN "points" real;--> statement-breakpoint
ALTER TABLE "course_exercises" ADD COLUMN "show_score" "visibility_timing" DEFAULT 'immediately' NOT NULL;--> statement-breakpoint
ALTER TABLE "course_exercises" ADD COLUMN "show_feedback" "visibility_timing" DEFAULT 'immediately' NOT NULL;--> statement-breakpoint
ALTER TABLE "course_exercises" ADD COLUMN "show_answers" "visibility_timing" DEFAULT 'immediately' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "regrades" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "authoring_drafts" ADD CONSTRAINT "authoring_drafts_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authoring_drafts" ADD CONSTRAINT "authoring_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_items" ADD CONSTRAINT "regrade_items_regrade_id_regrades_id_fk" FOREIGN KEY ("regrade_id") REFERENCES "public"."regrades"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_items" ADD CONSTRAINT "regrade_items_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_version_id_exercise_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."exercise_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_cells" ADD CONSTRAINT "grade_cells_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_cells" ADD CONSTRAINT "grade_cells_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_cells" ADD CONSTRAINT "grade_cells_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "authoring_drafts_course_slug_unique" ON "authoring_drafts" USING btree ("course_id","slug");--> statement-breakpoint
CREATE INDEX "regrade_items_regrade_idx" ON "regrade_items" USING btree ("regrade_id");--> statement-breakpoint
CREATE INDEX "regrades_course_created_idx" ON "regrades" USING btree ("course_id","created_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_current_course_id_courses_id_fk" FOREIGN KEY ("current_course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The dashboards' cells of the submissions graded before this migration (later grades fold themselves in).
INSERT INTO "grade_cells" ("course_id", "user_id", "exercise_id", "best_score", "attempts", "solved", "late", "first_solved_at")
SELECT "course_id", "user_id", "exercise_id", max("score"), max("attempt"), coalesce(bool_or("passed"), false), coalesce(bool_or("late"), false),
  min("graded_at") FILTER (WHERE "passed")
FROM "submissions" WHERE "status" = 'graded'
GROUP BY "course_id", "user_id", "exercise_id";
