using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

#nullable disable

namespace Api.Data.Migrations;

// Written by hand in the shape `dotnet ef` generates. EF Core 9+ refuses to Migrate() when this
// differs from the model, and a test checks HasPendingModelChanges(), so keep it in step with
// every IEntityTypeConfiguration and every new migration.
[DbContext(typeof(AppDbContext))]
internal partial class AppDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.14")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Api.Data.Project", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTimeOffset>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("Name")
                .IsRequired()
                .HasMaxLength(200)
                .HasColumnType("character varying(200)")
                .HasColumnName("name");

            b.HasKey("Id")
                .HasName("pk_projects");

            b.HasIndex("CreatedAt")
                .HasDatabaseName("ix_projects_created_at");

            b.ToTable("projects", (string)null);
        });
    }
}
