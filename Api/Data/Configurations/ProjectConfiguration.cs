using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

// Names are spelled out snake_case (no naming-convention package restores here), so psql and
// hand-written SQL read naturally; Migrations/AppDbContextModelSnapshot.cs must repeat them.
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id).HasName("pk_projects");

        // The Api assigns time-ordered (v7) ids itself, so the database never generates one.
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(Project.NameMaxLength).IsRequired();
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");

        builder.HasIndex(p => p.CreatedAt).HasDatabaseName("ix_projects_created_at");
    }
}
