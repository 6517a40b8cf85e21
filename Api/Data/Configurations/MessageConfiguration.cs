using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages", table => table.HasCheckConstraint("ck_messages_role", "role IN ('user', 'assistant')"));
        // The key is (project_id, id), not id alone: a conversation page is one backward range scan of it from the
        // cursor, however deep. With a separate key on id, PostgreSQL may walk that one instead and filter by project,
        // which for a project quiet since others wrote is a scan through everyone's newer messages. v7 ids are unique
        // on their own in practice (SequentialIds never repeats one in a process; 74 random bits across processes).
        builder.HasKey(m => new { m.ProjectId, m.Id }).HasName("pk_messages");

        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.ProjectId).HasColumnName("project_id");
        builder.Property(m => m.Role).HasColumnName("role").HasMaxLength(16).IsRequired();
        builder.Property(m => m.Content).HasColumnName("content").IsRequired();
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.Model).HasColumnName("model").HasMaxLength(100);
        builder.Property(m => m.InputTokens).HasColumnName("input_tokens");
        builder.Property(m => m.OutputTokens).HasColumnName("output_tokens");
        builder.Property(m => m.StopReason).HasColumnName("stop_reason").HasMaxLength(32);

        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId)
            .HasConstraintName("fk_messages_projects_project_id").OnDelete(DeleteBehavior.Cascade);
    }
}
