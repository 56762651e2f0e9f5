using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MappingDatasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MappingDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RegionCodes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IndustryCodes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    FileRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Cells = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingCells = table.Column<int>(type: "INTEGER", nullable: false),
                    Regions = table.Column<int>(type: "INTEGER", nullable: false),
                    Industries = table.Column<int>(type: "INTEGER", nullable: false),
                    HasParents = table.Column<bool>(type: "INTEGER", nullable: false),
                    Boundaries = table.Column<string>(type: "TEXT", nullable: true),
                    BoundaryKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JobId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingDatasets_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodeSystem = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingDefinitions_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingIndustries",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingIndustries", x => new { x.DatasetId, x.Index });
                    table.ForeignKey(
                        name: "FK_MappingIndustries_MappingDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "MappingDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingRegions",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Parent = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingRegions", x => new { x.DatasetId, x.Index });
                    table.ForeignKey(
                        name: "FK_MappingRegions_MappingDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "MappingDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingValues",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Region = table.Column<int>(type: "INTEGER", nullable: false),
                    Industry = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingValues", x => new { x.DatasetId, x.Year, x.Region, x.Industry });
                    table.ForeignKey(
                        name: "FK_MappingValues_MappingDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "MappingDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingDefinitionCodes",
                columns: table => new
                {
                    DefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingDefinitionCodes", x => new { x.DefinitionId, x.Industry, x.Cluster });
                    table.ForeignKey(
                        name: "FK_MappingDefinitionCodes_MappingDefinitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "MappingDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Base = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingViews_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MappingViews_MappingDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "MappingDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MappingViews_MappingDefinitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "MappingDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MappingDatasets_ClusterId_Id",
                table: "MappingDatasets",
                columns: new[] { "ClusterId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingDefinitions_ClusterId_Name",
                table: "MappingDefinitions",
                columns: new[] { "ClusterId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MappingViews_ClusterId",
                table: "MappingViews",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingViews_DatasetId",
                table: "MappingViews",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingViews_DefinitionId",
                table: "MappingViews",
                column: "DefinitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MappingDefinitionCodes");

            migrationBuilder.DropTable(
                name: "MappingIndustries");

            migrationBuilder.DropTable(
                name: "MappingRegions");

            migrationBuilder.DropTable(
                name: "MappingValues");

            migrationBuilder.DropTable(
                name: "MappingViews");

            migrationBuilder.DropTable(
                name: "MappingDatasets");

            migrationBuilder.DropTable(
                name: "MappingDefinitions");
        }
    }
}
