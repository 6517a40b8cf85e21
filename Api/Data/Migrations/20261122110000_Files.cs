using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Data.Migrations;

// A project's files; deleting a project deletes its files.
[DbContext(typeof(AppDbContext))]
[Migration("20261122110000_Files")]
public partial class Files : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "project_files",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                project_id = table.Column<Guid>(type: "uuid", nullable: false),
                path = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                content = table.Column<string>(type: "text", nullable: false),
                version = table.Column<long>(type: "bigint", nullable: false),
                size = table.Column<int>(type: "integer", nullable: false),
                sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_project_files", x => x.id);
                table.ForeignKey("fk_project_files_projects_project_id", x => x.project_id, "projects", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ux_project_files_project_id_path", table: "project_files", columns: ["project_id", "path"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_project_files_project_id_id", table: "project_files", columns: ["project_id", "id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "project_files");
}
