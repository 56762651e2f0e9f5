using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FunnelLeverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_ClusterId_CallId",
                table: "Proposals");

            migrationBuilder.AddColumn<long>(
                name: "BudgetCents",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Hand-written: each proposal's total budget (Proposal.BudgetCents), kept by the database from every partner
            // inserted, deleted or changed from now on, whatever writes it (the proposal form, the import, the demo, a bulk
            // insert), and filled for the partners already there. Added by the change (not recomputed) so that two
            // concurrent writers of one consortium both count on PostgreSQL's read-committed updates.
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProposalPartners_BudgetInsert" AFTER INSERT ON "ProposalPartners"
                BEGIN
                    UPDATE "Proposals" SET "BudgetCents" = "BudgetCents" + NEW."BudgetCents" WHERE "Id" = NEW."ProposalId";
                END;
                CREATE TRIGGER "ProposalPartners_BudgetDelete" AFTER DELETE ON "ProposalPartners"
                BEGIN
                    UPDATE "Proposals" SET "BudgetCents" = "BudgetCents" - OLD."BudgetCents" WHERE "Id" = OLD."ProposalId";
                END;
                CREATE TRIGGER "ProposalPartners_BudgetUpdate" AFTER UPDATE OF "BudgetCents", "ProposalId" ON "ProposalPartners"
                BEGIN
                    UPDATE "Proposals" SET "BudgetCents" = "BudgetCents" - OLD."BudgetCents" WHERE "Id" = OLD."ProposalId";
                    UPDATE "Proposals" SET "BudgetCents" = "BudgetCents" + NEW."BudgetCents" WHERE "Id" = NEW."ProposalId";
                END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Proposals" SET "BudgetCents" = COALESCE((SELECT SUM("BudgetCents") FROM "ProposalPartners" WHERE "ProposalId" = "Proposals"."Id"), 0);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Leverage",
                table: "Proposals",
                columns: new[] { "ClusterId", "CallId", "StrategicAreaId", "GrantedCents", "BudgetCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ProposalPartners_BudgetInsert"; DROP TRIGGER "ProposalPartners_BudgetDelete"; DROP TRIGGER "ProposalPartners_BudgetUpdate";""");
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Leverage",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "BudgetCents",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ClusterId_CallId",
                table: "Proposals",
                columns: new[] { "ClusterId", "CallId" });
        }
    }
}
