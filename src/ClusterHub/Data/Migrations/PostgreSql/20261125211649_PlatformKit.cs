using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClusterHub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PlatformKit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_ClusterId_NationalId",
                table: "Members");

            migrationBuilder.AddColumn<string>(
                name: "ArchiveReason",
                table: "Members",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedCity",
                table: "Members",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Members",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Invoices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Clusters",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChangeHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Entity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OldValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Headcount = table.Column<int>(type: "integer", nullable: true),
                    TurnoverEur = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberChangeRequests_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ClusterId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing rows: NormalizedCity filled (exact on each member's next save), and members that already break
            // the duplicate rule told apart, so that the unique indexes below can be built.
            migrationBuilder.Sql("""UPDATE "Members" SET "NormalizedCity" = SUBSTR(UPPER(TRIM(COALESCE("City", ''))), 1, 180)""");
            migrationBuilder.Sql("""
                UPDATE "Members" SET "NormalizedCity" = "NormalizedCity" || ' #' || CAST("Id" AS TEXT), "NationalId" = NULL
                WHERE "NationalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Members" AS o
                    WHERE o."ClusterId" = "Members"."ClusterId" AND o."NationalId" = "Members"."NationalId" AND o."Id" < "Members"."Id")
                """);
            migrationBuilder.Sql("""
                UPDATE "Members" SET "NormalizedCity" = "NormalizedCity" || ' #' || CAST("Id" AS TEXT)
                WHERE "NationalId" IS NULL AND EXISTS (SELECT 1 FROM "Members" AS o
                    WHERE o."ClusterId" = "Members"."ClusterId" AND o."NationalId" IS NULL AND o."Id" < "Members"."Id"
                    AND o."NormalizedName" = "Members"."NormalizedName" AND o."NormalizedCity" = "Members"."NormalizedCity")
                """);

            migrationBuilder.CreateIndex(
                name: "UX_Members_ClusterId_NationalId",
                table: "Members",
                columns: new[] { "ClusterId", "NationalId" },
                unique: true,
                filter: "\"NationalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Members_ClusterId_NormalizedName_NormalizedCity",
                table: "Members",
                columns: new[] { "ClusterId", "NormalizedName", "NormalizedCity" },
                unique: true,
                filter: "\"NationalId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeHistory_ClusterId_Id",
                table: "ChangeHistory",
                columns: new[] { "ClusterId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeHistory_ClusterId_Subject_SubjectId_Id",
                table: "ChangeHistory",
                columns: new[] { "ClusterId", "Subject", "SubjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberChangeRequests_ClusterId_State",
                table: "MemberChangeRequests",
                columns: new[] { "ClusterId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberChangeRequests_MemberId",
                table: "MemberChangeRequests",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ClusterId_State_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "ClusterId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeHistory");

            migrationBuilder.DropTable(
                name: "MemberChangeRequests");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "UX_Members_ClusterId_NationalId",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "UX_Members_ClusterId_NormalizedName_NormalizedCity",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ArchiveReason",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "NormalizedCity",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Clusters");

            migrationBuilder.CreateIndex(
                name: "IX_Members_ClusterId_NationalId",
                table: "Members",
                columns: new[] { "ClusterId", "NationalId" });
        }
    }
}
