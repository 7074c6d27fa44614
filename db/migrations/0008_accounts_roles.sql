CREATE TYPE "public"."password_link_purpose" AS ENUM('set-password', 'reset');--> statement-breakpoint
ALTER TYPE "public"."course_role" ADD VALUE 'teaching-assistant' BEFORE 'instructor';--> statement-breakpoint
CREATE TABLE "course_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" "course_role" NOT NULL,
	"section" text,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_invitations_email_lower_case" CHECK ("course_invitations"."email" = lower("course_invitations"."email"))
);
--> statement-breakpoint
CREATE TABLE "password_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "password_link_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_links_token_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "can_create_courses" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "dropped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "section" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_invitations" ADD CONSTRAINT "course_invitations_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_invitations" ADD CONSTRAINT "course_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_links" ADD CONSTRAINT "password_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_links" ADD CONSTRAINT "password_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_invitations_course_email_unique" ON "course_invitations" USING btree ("course_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "course_invitations_token_unique" ON "course_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_links_user_idx" ON "password_links" USING btree ("user_id");--> statement-breakpoint
-- Existing accounts keep their rights: an administrator stays one, and whoever could create a course before (a site
-- instructor or administrator, or an instructor of a course) still may. Course instructors stay their courses' instructors.
UPDATE "users" SET "is_admin" = ("role" = 'admin'),
	"can_create_courses" = ("role" IN ('instructor', 'admin') OR EXISTS (SELECT 1 FROM "enrollments" e WHERE e."user_id" = "users"."id" AND e."role" = 'instructor'));--> statement-breakpoint
-- The roster's "last activity" of existing members: their latest submission in the course.
UPDATE "enrollments" en SET "last_activity_at" = last."at"
	FROM (SELECT "user_id", "course_id", max("created_at") AS "at" FROM "submissions" GROUP BY "user_id", "course_id") last
	WHERE last."user_id" = en."user_id" AND last."course_id" = en."course_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "role";--> statement-breakpoint
DROP TYPE "public"."site_role";