using Api.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Api.Data.Migrations;

// Full-text search over files and messages: stored generated tsvector columns (filled for existing rows by the
// ALTER itself) and a GIN index on each.
[DbContext(typeof(AppDbContext))]
[Migration("20261122140000_Search")]
public partial class Search : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<NpgsqlTsVector>(
            name: SearchVectors.ColumnName, table: "project_files", type: "tsvector", nullable: true,
            computedColumnSql: SearchVectors.FileSql, stored: true);
        migrationBuilder.AddColumn<NpgsqlTsVector>(
            name: SearchVectors.ColumnName, table: "messages", type: "tsvector", nullable: true,
            computedColumnSql: SearchVectors.MessageSql, stored: true);

        migrationBuilder.CreateIndex(name: "ix_project_files_search_vector", table: "project_files", column: SearchVectors.ColumnName)
            .Annotation("Npgsql:IndexMethod", "gin");
        migrationBuilder.CreateIndex(name: "ix_messages_search_vector", table: "messages", column: SearchVectors.ColumnName)
            .Annotation("Npgsql:IndexMethod", "gin");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_messages_search_vector", table: "messages");
        migrationBuilder.DropIndex(name: "ix_project_files_search_vector", table: "project_files");
        migrationBuilder.DropColumn(name: SearchVectors.ColumnName, table: "messages");
        migrationBuilder.DropColumn(name: SearchVectors.ColumnName, table: "project_files");
    }
}
