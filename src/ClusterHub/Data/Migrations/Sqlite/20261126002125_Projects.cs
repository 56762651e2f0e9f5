using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Projects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Funders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Funders_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundingCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    FunderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResultsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MinPartners = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiresSme = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxDurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingCalls_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundingCalls_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallFundingRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaxRatePercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallFundingRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallFundingRates_FundingCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "FundingCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    CallId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NormalizedTitle = table.Column<string>(type: "TEXT", maxLength: 341, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StrategicAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActivityDomainId = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    TrlStart = table.Column<int>(type: "INTEGER", nullable: false),
                    TrlTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedOutcomes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CoordinatorMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GrantedCents = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_ActivityDomains_ActivityDomainId",
                        column: x => x.ActivityDomainId,
                        principalTable: "ActivityDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Proposals_FundingCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "FundingCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_StrategicAreas_StrategicAreaId",
                        column: x => x.StrategicAreaId,
                        principalTable: "StrategicAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectOutcomes_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalPartners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalPartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalPartners_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalPartners_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalStateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DaysInPrevious = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalStateChanges_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewAssignments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallFundingRates_CallId_Category",
                table: "CallFundingRates",
                columns: new[] { "CallId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Funders_ClusterId_Name",
                table: "Funders",
                columns: new[] { "ClusterId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundingCalls_ClusterId_ClosesOn",
                table: "FundingCalls",
                columns: new[] { "ClusterId", "ClosesOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingCalls_FunderId",
                table: "FundingCalls",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectOutcomes_ProposalId",
                table: "ProjectOutcomes",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalPartners_MemberId",
                table: "ProposalPartners",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalPartners_ProposalId",
                table: "ProposalPartners",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ActivityDomainId",
                table: "Proposals",
                column: "ActivityDomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CallId",
                table: "Proposals",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ClusterId_CallId",
                table: "Proposals",
                columns: new[] { "ClusterId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ClusterId_CoordinatorMemberId",
                table: "Proposals",
                columns: new[] { "ClusterId", "CoordinatorMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ClusterId_State",
                table: "Proposals",
                columns: new[] { "ClusterId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ClusterId_StrategicAreaId",
                table: "Proposals",
                columns: new[] { "ClusterId", "StrategicAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_StrategicAreaId",
                table: "Proposals",
                column: "StrategicAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalStateChanges_ClusterId_At",
                table: "ProposalStateChanges",
                columns: new[] { "ClusterId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalStateChanges_ClusterId_From_DaysInPrevious",
                table: "ProposalStateChanges",
                columns: new[] { "ClusterId", "From", "DaysInPrevious" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalStateChanges_ProposalId",
                table: "ProposalStateChanges",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ProposalId_UserId",
                table: "ReviewAssignments",
                columns: new[] { "ProposalId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_UserId",
                table: "ReviewAssignments",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallFundingRates");

            migrationBuilder.DropTable(
                name: "ProjectOutcomes");

            migrationBuilder.DropTable(
                name: "ProposalPartners");

            migrationBuilder.DropTable(
                name: "ProposalStateChanges");

            migrationBuilder.DropTable(
                name: "ReviewAssignments");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "FundingCalls");

            migrationBuilder.DropTable(
                name: "Funders");
        }
    }
}
