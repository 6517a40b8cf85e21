using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

// Names are spelled out snake_case (no naming-convention package restores here), so psql and
// hand-written SQL read naturally.
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id).HasName("pk_projects");

        // The Api assigns time-ordered (v7) ids itself, so the database never generates one.
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.OwnerId).HasColumnName("owner_id");
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(Project.NameMaxLength).IsRequired();
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");

        // Every list is one owner's, newest first, paged by id (v7 ids sort by creation time).
        builder.HasIndex(p => new { p.OwnerId, p.Id }).HasDatabaseName("ix_projects_owner_id_id");
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId)
            .HasConstraintName("fk_projects_users_owner_id").OnDelete(DeleteBehavior.Cascade);
    }
}
