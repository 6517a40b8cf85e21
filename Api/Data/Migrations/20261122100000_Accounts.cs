using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Data.Migrations;

// Accounts and sessions; projects gain an owner. Projects made before accounts existed belong to
// nobody and cannot be given to anyone, so they are removed (they only ever held a name).
[DbContext(typeof(AppDbContext))]
[Migration("20261122100000_Accounts")]
public partial class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                password_hash = table.Column<string>(type: "text", nullable: false),
                tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                failed_logins = table.Column<int>(type: "integer", nullable: false),
                locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_users", x => x.id));

        migrationBuilder.CreateIndex(name: "ux_users_email", table: "users", column: "email", unique: true);

        migrationBuilder.CreateTable(
            name: "sessions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_sessions", x => x.id);
                table.ForeignKey("fk_sessions_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "ux_sessions_token_hash", table: "sessions", column: "token_hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_sessions_user_id", table: "sessions", column: "user_id");

        migrationBuilder.Sql("DELETE FROM projects;");
        migrationBuilder.DropIndex(name: "ix_projects_created_at", table: "projects");
        migrationBuilder.AddColumn<Guid>(name: "owner_id", table: "projects", type: "uuid", nullable: false);
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "updated_at", table: "projects", type: "timestamp with time zone", nullable: false);
        migrationBuilder.CreateIndex(name: "ix_projects_owner_id_id", table: "projects", columns: ["owner_id", "id"]);
        migrationBuilder.AddForeignKey(
            name: "fk_projects_users_owner_id", table: "projects", column: "owner_id",
            principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "fk_projects_users_owner_id", table: "projects");
        migrationBuilder.DropIndex(name: "ix_projects_owner_id_id", table: "projects");
        migrationBuilder.DropColumn(name: "updated_at", table: "projects");
        migrationBuilder.DropColumn(name: "owner_id", table: "projects");
        migrationBuilder.CreateIndex(name: "ix_projects_created_at", table: "projects", column: "created_at");
        migrationBuilder.DropTable(name: "sessions");
        migrationBuilder.DropTable(name: "users");
    }
}
