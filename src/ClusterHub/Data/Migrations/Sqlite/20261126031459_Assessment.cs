using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentInstrument",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Levels = table.Column<string>(type: "TEXT", nullable: true),
                    CopiedFrom = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentInstrument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentInstrument_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentJudgement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    JudgedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentJudgement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentJudgement_AssessmentInstrument_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "AssessmentInstrument",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentJudgement_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRecord",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentRecord_AssessmentInstrument_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "AssessmentInstrument",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentRecord_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentDimension",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentDimension", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentDimension_AssessmentInstrument_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "AssessmentInstrument",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentFactor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DimensionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentFactor", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentFactor_InstrumentDimension_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "InstrumentDimension",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentIndicator",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FactorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Scoring = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentIndicator", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentIndicator_InstrumentFactor_FactorId",
                        column: x => x.FactorId,
                        principalTable: "InstrumentFactor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentInstrument_ClusterId_Key_Version",
                table: "AssessmentInstrument",
                columns: new[] { "ClusterId", "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentJudgement_ClusterId_Year_InstrumentId_IndicatorKey",
                table: "AssessmentJudgement",
                columns: new[] { "ClusterId", "Year", "InstrumentId", "IndicatorKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentJudgement_InstrumentId",
                table: "AssessmentJudgement",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRecord_ClusterId_Year_InstrumentKey",
                table: "AssessmentRecord",
                columns: new[] { "ClusterId", "Year", "InstrumentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRecord_InstrumentId",
                table: "AssessmentRecord",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentDimension_InstrumentId",
                table: "InstrumentDimension",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentFactor_DimensionId",
                table: "InstrumentFactor",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentIndicator_FactorId",
                table: "InstrumentIndicator",
                column: "FactorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentJudgement");

            migrationBuilder.DropTable(
                name: "AssessmentRecord");

            migrationBuilder.DropTable(
                name: "InstrumentIndicator");

            migrationBuilder.DropTable(
                name: "InstrumentFactor");

            migrationBuilder.DropTable(
                name: "InstrumentDimension");

            migrationBuilder.DropTable(
                name: "AssessmentInstrument");
        }
    }
}
