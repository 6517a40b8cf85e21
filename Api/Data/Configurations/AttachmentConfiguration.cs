using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id).HasName("pk_attachments");

        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ProjectId).HasColumnName("project_id");
        builder.Property(a => a.Name).HasColumnName("name").HasMaxLength(Attachment.NameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasColumnName("content_type").HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Size).HasColumnName("size");
        builder.Property(a => a.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(a => a.StorageKey).HasColumnName("storage_key").HasMaxLength(Attachment.StorageKeyMaxLength).IsRequired();
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");

        // A project's attachments, newest first, paged by id.
        builder.HasIndex(a => new { a.ProjectId, a.Id }).HasDatabaseName("ix_attachments_project_id_id");
        builder.HasIndex(a => a.StorageKey).IsUnique().HasDatabaseName("ux_attachments_storage_key");
        builder.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId)
            .HasConstraintName("fk_attachments_projects_project_id").OnDelete(DeleteBehavior.Cascade);
    }
}
