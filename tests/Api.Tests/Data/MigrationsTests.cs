using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Api.Tests.Data;

// None of this opens a connection: the model, the snapshot and the SQL are all built in memory.
public sealed class MigrationsTests : IDisposable
{
    private const string InitialCreate = "20261122000000_InitialCreate";

    private readonly AppDbContext _context = new(
        new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=never_opened").Options);

    [Fact]
    public void The_snapshot_matches_the_model_so_Migrate_does_not_refuse_to_run()
    {
        Assert.False(_context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void InitialCreate_is_a_known_migration()
    {
        Assert.Contains(InitialCreate, _context.Database.GetMigrations());
    }

    [Fact]
    public void InitialCreate_creates_exactly_what_the_model_describes()
    {
        var model = _context.GetService<IDesignTimeModel>().Model;
        var fromScratch = _context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());

        Assert.Equal(Sql(fromScratch, model), Sql(Migration(InitialCreate).UpOperations, model));
    }

    [Fact]
    public void InitialCreate_creates_the_projects_table_and_its_created_at_index()
    {
        var script = _context.GetService<IMigrator>().GenerateScript(toMigration: InitialCreate);

        Assert.Contains("CREATE TABLE projects", script, StringComparison.Ordinal);
        Assert.Contains("name character varying(200) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("created_at timestamp with time zone NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT pk_projects PRIMARY KEY (id)", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX ix_projects_created_at ON projects (created_at)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void InitialCreate_down_drops_the_projects_table()
    {
        var script = _context.GetService<IMigrator>().GenerateScript(
            fromMigration: InitialCreate, toMigration: Microsoft.EntityFrameworkCore.Migrations.Migration.InitialDatabase);

        Assert.Contains("DROP TABLE projects", script, StringComparison.Ordinal);
    }

    private Microsoft.EntityFrameworkCore.Migrations.Migration Migration(string id)
    {
        var assembly = _context.GetService<IMigrationsAssembly>();
        return assembly.CreateMigration(assembly.Migrations[id], _context.Database.ProviderName!);
    }

    private string Sql(IReadOnlyList<MigrationOperation> operations, IModel model) =>
        string.Join("\n", _context.GetService<IMigrationsSqlGenerator>().Generate(operations, model).Select(c => c.CommandText));

    public void Dispose() => _context.Dispose();
}
