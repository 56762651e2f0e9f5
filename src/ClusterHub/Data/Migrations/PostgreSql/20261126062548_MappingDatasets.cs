using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClusterHub.Data.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RegionCodes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IndustryCodes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Columns = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    FileRows = table.Column<int>(type: "integer", nullable: false),
                    Cells = table.Column<int>(type: "integer", nullable: false),
                    MissingCells = table.Column<int>(type: "integer", nullable: false),
                    Regions = table.Column<int>(type: "integer", nullable: false),
                    Industries = table.Column<int>(type: "integer", nullable: false),
                    HasParents = table.Column<bool>(type: "boolean", nullable: false),
                    Boundaries = table.Column<string>(type: "text", nullable: true),
                    BoundaryKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JobId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CodeSystem = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
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
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Parent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Region = table.Column<int>(type: "integer", nullable: false),
                    Industry = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true)
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
                    DefinitionId = table.Column<int>(type: "integer", nullable: false),
                    Industry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Cluster = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClusterId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionId = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Base = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
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
