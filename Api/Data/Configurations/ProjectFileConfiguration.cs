using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

internal sealed class ProjectFileConfiguration : IEntityTypeConfiguration<ProjectFile>
{
    public void Configure(EntityTypeBuilder<ProjectFile> builder)
    {
        builder.ToTable("project_files");
        builder.HasKey(f => f.Id).HasName("pk_project_files");

        builder.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(f => f.ProjectId).HasColumnName("project_id");
        builder.Property(f => f.Path).HasColumnName("path").HasMaxLength(ProjectFile.PathMaxLength).IsRequired();
        builder.Property(f => f.Content).HasColumnName("content").IsRequired();
        builder.Property(f => f.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(f => f.Size).HasColumnName("size");
        builder.Property(f => f.Sha256).HasColumnName("sha256").IsRequired();
        builder.Property(f => f.CreatedAt).HasColumnName("created_at");
        builder.Property(f => f.UpdatedAt).HasColumnName("updated_at");

        // A path names one file of a project; the unique index is also what a read by path uses.
        builder.HasIndex(f => new { f.ProjectId, f.Path }).IsUnique().HasDatabaseName("ux_project_files_project_id_path");

        // The list pages by id (v7 ids sort by creation time).
        builder.HasIndex(f => new { f.ProjectId, f.Id }).HasDatabaseName("ix_project_files_project_id_id");
        builder.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId)
            .HasConstraintName("fk_project_files_projects_project_id").OnDelete(DeleteBehavior.Cascade);
    }
}
