using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Data.Migrations;

// A project's conversation: messages paged newest first on their key, (project_id, id).
[DbContext(typeof(AppDbContext))]
[Migration("20261122120000_Messages")]
public partial class Messages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "messages",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                project_id = table.Column<Guid>(type: "uuid", nullable: false),
                role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                content = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                input_tokens = table.Column<int>(type: "integer", nullable: true),
                output_tokens = table.Column<int>(type: "integer", nullable: true),
                stop_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_messages", x => new { x.project_id, x.id });
                table.ForeignKey("fk_messages_projects_project_id", x => x.project_id, "projects", "id", onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("ck_messages_role", "role IN ('user', 'assistant')");
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "messages");
}
