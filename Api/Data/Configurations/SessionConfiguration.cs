using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id).HasName("pk_sessions");

        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.UserId).HasColumnName("user_id");
        builder.Property(s => s.TokenHash).HasColumnName("token_hash").IsRequired();
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.ExpiresAt).HasColumnName("expires_at");
        builder.Property(s => s.RevokedAt).HasColumnName("revoked_at");

        builder.HasIndex(s => s.TokenHash).IsUnique().HasDatabaseName("ux_sessions_token_hash");
        builder.HasIndex(s => s.UserId).HasDatabaseName("ix_sessions_user_id");
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId)
            .HasConstraintName("fk_sessions_users_user_id").OnDelete(DeleteBehavior.Cascade);
    }
}
