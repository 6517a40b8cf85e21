using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages", table => table.HasCheckConstraint("ck_messages_role", "role IN ('user', 'assistant')"));
        builder.HasKey(m => m.Id).HasName("pk_messages");

        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.ProjectId).HasColumnName("project_id");
        builder.Property(m => m.Role).HasColumnName("role").HasMaxLength(16).IsRequired();
        builder.Property(m => m.Content).HasColumnName("content").IsRequired();
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.Model).HasColumnName("model").HasMaxLength(100);
        builder.Property(m => m.InputTokens).HasColumnName("input_tokens");
        builder.Property(m => m.OutputTokens).HasColumnName("output_tokens");
        builder.Property(m => m.StopReason).HasColumnName("stop_reason").HasMaxLength(32);

        // A conversation page is one range scan of this index, however deep the cursor (v7 ids sort by time).
        builder.HasIndex(m => new { m.ProjectId, m.Id }).HasDatabaseName("ix_messages_project_id_id");
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId)
            .HasConstraintName("fk_messages_projects_project_id").OnDelete(DeleteBehavior.Cascade);
    }
}
