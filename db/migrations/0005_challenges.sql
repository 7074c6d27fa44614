CREATE TABLE "challenge_entries" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"params" integer NOT NULL,
	"upload_bytes" integer NOT NULL,
	"backend" text NOT NULL,
	"epochs" integer NOT NULL,
	"seed" bigint NOT NULL,
	"browser_train_score" real,
	"training_ms" integer,
	"train_score" real,
	"public_score" real,
	"private_score" real,
	"boundary" text,
	"final" boolean DEFAULT false NOT NULL,
	"verify_status" text,
	"verify_submission_id" uuid,
	"verify_score" real,
	"verify_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_names" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_names_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_settings" (
	"course_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"deadline" timestamp with time zone,
	"entries_per_day" integer,
	"verify_queued_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_settings_course_id_exercise_id_pk" PRIMARY KEY("course_id","exercise_id")
);
--> statement-breakpoint
ALTER TABLE "challenge_entries" ADD CONSTRAINT "challenge_entries_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_entries" ADD CONSTRAINT "challenge_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_entries" ADD CONSTRAINT "challenge_entries_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_entries" ADD CONSTRAINT "challenge_entries_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_names" ADD CONSTRAINT "challenge_names_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_names" ADD CONSTRAINT "challenge_names_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_settings" ADD CONSTRAINT "challenge_settings_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_settings" ADD CONSTRAINT "challenge_settings_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_entries_board_idx" ON "challenge_entries" USING btree ("course_id","exercise_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "challenge_entries_verify_idx" ON "challenge_entries" USING btree ("verify_submission_id") WHERE "challenge_entries"."verify_submission_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_names_course_name_unique" ON "challenge_names" USING btree ("course_id",lower("name"));