using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClusterHub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Competences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Competences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Domain = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValueChainStageId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Competences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Competences_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Competences_ValueChainStages_ValueChainStageId",
                        column: x => x.ValueChainStageId,
                        principalTable: "ValueChainStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CompetenceDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    CompetenceId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Certifications = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    References = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetenceDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetenceDeclarations_Competences_CompetenceId",
                        column: x => x.CompetenceId,
                        principalTable: "Competences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompetenceDeclarations_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompetenceNeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompetenceId = table.Column<int>(type: "integer", nullable: false),
                    StrategicAreaId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetenceNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetenceNeeds_Competences_CompetenceId",
                        column: x => x.CompetenceId,
                        principalTable: "Competences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompetenceNeeds_StrategicAreas_StrategicAreaId",
                        column: x => x.StrategicAreaId,
                        principalTable: "StrategicAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceDeclarations_ClusterId_CompetenceId_State_Level",
                table: "CompetenceDeclarations",
                columns: new[] { "ClusterId", "CompetenceId", "State", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceDeclarations_CompetenceId",
                table: "CompetenceDeclarations",
                column: "CompetenceId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceDeclarations_MemberId_CompetenceId",
                table: "CompetenceDeclarations",
                columns: new[] { "MemberId", "CompetenceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceNeeds_CompetenceId_StrategicAreaId",
                table: "CompetenceNeeds",
                columns: new[] { "CompetenceId", "StrategicAreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceNeeds_StrategicAreaId",
                table: "CompetenceNeeds",
                column: "StrategicAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Competences_ClusterId_Code",
                table: "Competences",
                columns: new[] { "ClusterId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Competences_ValueChainStageId",
                table: "Competences",
                column: "ValueChainStageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetenceDeclarations");

            migrationBuilder.DropTable(
                name: "CompetenceNeeds");

            migrationBuilder.DropTable(
                name: "Competences");
        }
    }
}
