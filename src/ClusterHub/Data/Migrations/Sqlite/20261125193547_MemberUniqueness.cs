using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberUniqueness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_ClusterId_NationalId",
                table: "Members");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedCity",
                table: "Members",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Rows stored before this migration: an approximate NormalizedCity (Names.Normalize runs in .NET, and
            // Member.Normalize() writes the exact value at the member's next save; the import matches on the city itself).
            // Duplicates that older versions let in would stop the unique indexes: the later of two members with one
            // national id gives it up, and later members of one name and city have their id appended to NormalizedCity,
            // so both stay, and the next edit of either answers a 409 naming the other.
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Members_ClusterId_NationalId",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "UX_Members_ClusterId_NormalizedName_NormalizedCity",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "NormalizedCity",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_ClusterId_NationalId",
                table: "Members",
                columns: new[] { "ClusterId", "NationalId" });
        }
    }
}
