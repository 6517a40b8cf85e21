using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Data.Migrations;

// Migrations are written by hand (EF Core's design-time tools do not restore here). MigrationsTests
// applies them all to a real PostgreSQL and compares the schema with the one the model describes.
[DbContext(typeof(AppDbContext))]
[Migration("20261122000000_InitialCreate")]
public partial class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "projects",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_projects", x => x.id));

        migrationBuilder.CreateIndex(
            name: "ix_projects_created_at",
            table: "projects",
            column: "created_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "projects");
}
