using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FunnelStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProposalYearStages",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalYearStages", x => new { x.ProposalId, x.Year, x.Stage });
                    table.ForeignKey(
                        name: "FK_ProposalYearStages_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalYearStages_ClusterId_Year_Stage",
                table: "ProposalYearStages",
                columns: new[] { "ClusterId", "Year", "Stage" });

            // Hand-written: the stages each move reaches, kept by the database for every move inserted from now on
            // (ProposalYearStage), and filled for the moves already there. The labelling states are ProjectFunnel.Labelling.
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProposalStateChanges_FunnelStages" AFTER INSERT ON "ProposalStateChanges"
                BEGIN
                    INSERT OR IGNORE INTO "ProposalYearStages" ("ProposalId", "Year", "Stage", "ClusterId")
                    SELECT NEW."ProposalId", NEW."Year", 'WorkedOn', NEW."ClusterId"
                    WHERE NEW."To" IN ('Draft', 'Submitted', 'UnderReview', 'ReturnedForRevision', 'Certified', 'Rejected');
                    INSERT OR IGNORE INTO "ProposalYearStages" ("ProposalId", "Year", "Stage", "ClusterId")
                    SELECT NEW."ProposalId", NEW."Year", NEW."To", NEW."ClusterId"
                    WHERE NEW."To" IN ('Submitted', 'Certified', 'Funded', 'Completed', 'OnTheMarket');
                END;
                """);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "ProposalYearStages" ("ProposalId", "Year", "Stage", "ClusterId")
                SELECT DISTINCT "ProposalId", "Year", 'WorkedOn', "ClusterId" FROM "ProposalStateChanges"
                WHERE "To" IN ('Draft', 'Submitted', 'UnderReview', 'ReturnedForRevision', 'Certified', 'Rejected');
                INSERT OR IGNORE INTO "ProposalYearStages" ("ProposalId", "Year", "Stage", "ClusterId")
                SELECT DISTINCT "ProposalId", "Year", "To", "ClusterId" FROM "ProposalStateChanges"
                WHERE "To" IN ('Submitted', 'Certified', 'Funded', 'Completed', 'OnTheMarket');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ProposalStateChanges_FunnelStages";""");
            migrationBuilder.DropTable(
                name: "ProposalYearStages");
        }
    }
}
