using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FunnelYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProposalStateChanges_ClusterId_At",
                table: "ProposalStateChanges");

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "ProposalStateChanges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Hand-written: the moves recorded before the column existed get the year of their date.
            migrationBuilder.Sql("UPDATE \"ProposalStateChanges\" SET \"Year\" = CAST(EXTRACT(YEAR FROM \"At\") AS integer);");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalStateChanges_ClusterId_Year_To_ProposalId",
                table: "ProposalStateChanges",
                columns: new[] { "ClusterId", "Year", "To", "ProposalId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProposalStateChanges_ClusterId_Year_To_ProposalId",
                table: "ProposalStateChanges");

            migrationBuilder.DropColumn(
                name: "Year",
                table: "ProposalStateChanges");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalStateChanges_ClusterId_At",
                table: "ProposalStateChanges",
                columns: new[] { "ClusterId", "At" });
        }
    }
}
