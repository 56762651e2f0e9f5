using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.PostgreSql
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Hand-written: each proposal's total budget (Proposal.BudgetCents), kept by the database from every partner
            // inserted, deleted or changed from now on, whatever writes it (the proposal form, the import, the demo, a bulk
            // insert), and filled for the partners already there. Added by the change (not recomputed) so that two
            // concurrent writers of one consortium both count on PostgreSQL's read-committed updates.
            migrationBuilder.Sql("""
                CREATE FUNCTION proposal_budget() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "Proposals" SET "BudgetCents" = "BudgetCents" - OLD."BudgetCents" WHERE "Id" = OLD."ProposalId";
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') THEN
                        UPDATE "Proposals" SET "BudgetCents" = "BudgetCents" + NEW."BudgetCents" WHERE "Id" = NEW."ProposalId";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ProposalPartners_Budget" AFTER INSERT OR DELETE OR UPDATE OF "BudgetCents", "ProposalId" ON "ProposalPartners"
                    FOR EACH ROW EXECUTE FUNCTION proposal_budget();
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
            migrationBuilder.Sql("""DROP TRIGGER "ProposalPartners_Budget" ON "ProposalPartners"; DROP FUNCTION proposal_budget();""");
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
